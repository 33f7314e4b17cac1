import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { DateInput, Fieldset, EMPTY_DATE_TIME, Input, Radios, Select, Textarea, type DateParts } from '../../components';
import { CAPACITIES, CaseScreen, namedItems, RecordsStep, useRecordForm, DATE_TIME_HINT, formatDateTime, ukInstant, useStaff, type CaseView } from './common';

type Capacity = components['schemas']['InterviewRequest']['capacity'];

/**
 * /cases/:id/investigation/interviews — the interviews held, and a new one: who (a member of
 * staff from the directory, or someone by name), as subject or witness, when, who accompanied
 * them, and their statement.
 */
export function InterviewsPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view, update) => <Interviews view={view} update={update} />}</CaseScreen>;
}

function Interviews({ view, update }: { view: CaseView; update: (view: CaseView) => void }) {
  const staff = useStaff();
  const [staffId, setStaffId] = useState('');
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState<Capacity>();
  const [heldAt, setHeldAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [accompaniedBy, setAccompaniedBy] = useState('');
  const [statement, setStatement] = useState('');
  const form = useRecordForm(
    { staffId: 'staff-id', name: 'name', capacity: 'capacity', heldAt: 'held-at', accompaniedBy: 'accompanied-by', statement: 'statement' },
    {
      staffId: 'Member of staff',
      name: 'Name',
      capacity: 'Interviewed as',
      heldAt: 'When it was held',
      accompaniedBy: 'Accompanied by',
      statement: 'Statement',
    },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/interviews', {
        params: { path: { id: view.id } },
        body: {
          // one or the other: the API says so when it is both or neither
          ...(staffId ? { staffId } : {}),
          ...(name.trim() || !staffId ? { name } : {}),
          capacity: capacity!,
          heldAt: ukInstant(heldAt, { withTime: true }),
          ...(accompaniedBy.trim() ? { accompaniedBy } : {}),
          statement,
        },
      }),
    (answer) => {
      update(answer);
      setStaffId('');
      setName('');
      setCapacity(undefined);
      setHeldAt(EMPTY_DATE_TIME);
      setAccompaniedBy('');
      setStatement('');
      form.setAdded(true);
    },
  );
  return (
    <RecordsStep
      view={view}
      title="Interviews"
      form={form}
      send={send}
      banner="Interview recorded"
      recordedHeading="Held"
      records={view.interviews}
      cardName="Interview"
      rows={(interview) => [
        { key: 'Who', value: `${interview.name} (${CAPACITIES[interview.capacity]?.name.toLowerCase() ?? interview.capacity})` },
        { key: 'When', value: formatDateTime(interview.heldAt) },
        { key: 'Accompanied by', value: interview.accompaniedBy ?? 'Nobody' },
        { key: 'Statement', value: interview.withheld ? 'Withheld' : interview.statement },
      ]}
      none="No interview has been recorded yet."
      addHeading="Record an interview"
      submitText="Record the interview"
    >
      <Fieldset legend="Who was interviewed" legendSize="s">
        <Select
          id="staff-id"
          label="A member of staff"
          hint="From the staff directory."
          {...form.text('staffId', staffId, setStaffId)}
          options={[
            { value: '', text: 'Not in the staff directory' },
            ...staff.map((person) => ({ value: person.id, text: person.jobTitle ? `${person.name}, ${person.jobTitle}` : person.name })),
          ]}
        />
        <Input id="name" label="Or their name" hint="Someone not in the staff directory: a parent, a former colleague." {...form.text('name', name, setName)} />
      </Fieldset>
      <Radios id="capacity" legend="Interviewed as" legendSize="s" {...form.choice('capacity', capacity, setCapacity)} items={namedItems(CAPACITIES)} />
      <DateInput id="held-at" legend="When it was held" hint={DATE_TIME_HINT} withTime value={heldAt} onChange={setHeldAt} error={form.errors.fields.heldAt} />
      <Input
        id="accompanied-by"
        label="Accompanied by (optional)"
        labelSize="s"
        hint="A companion or representative who was present (ACAS: the right to be accompanied), with their role."
        {...form.text('accompaniedBy', accompaniedBy, setAccompaniedBy)}
      />
      <Textarea
        id="statement"
        label="Statement"
        labelSize="s"
        hint="What they said, as agreed with them."
        rows={8}
        {...form.text('statement', statement, setStatement)}
      />
    </RecordsStep>
  );
}
