import { useState } from 'react';
import { api } from '../../api/client';
import { DateInput, EMPTY_DATE_TIME, Input, Link, Radios, Select, Textarea, type DateParts } from '../../components';
import { CAPACITIES, CaseScreen, DATE_TIME_HINT, formatDateTime, RecordsStep, ukInstant, useRecordForm, useStaff, type CaseView } from './common';

/** The invitee choice that reveals the staff directory. */
const WITNESS = 'witness';

/**
 * /cases/:id/investigation/meetings — the investigation meetings arranged, and a new one (process.md
 * §2: its invitation is the first letter): whom (a subject of the case, or a witness from the staff
 * directory), when, where, what about, and whether they may be accompanied. The API decides whether
 * it may be arranged and says what is wrong beside each field; the letter is made on the letters page.
 */
export function MeetingsPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view, update) => <Meetings view={view} update={update} />}</CaseScreen>;
}

function Meetings({ view, update }: { view: CaseView; update: (view: CaseView) => void }) {
  const staff = useStaff();
  const subjects = view.subjects.filter((s): s is typeof s & { staffId: string } => s.staffId !== null);
  const [invitee, setInvitee] = useState<string>();
  const [witnessId, setWitnessId] = useState('');
  const [scheduledFor, setScheduledFor] = useState<DateParts>(EMPTY_DATE_TIME);
  const [place, setPlace] = useState('');
  const [purpose, setPurpose] = useState('');
  const [accompanied, setAccompanied] = useState<'yes' | 'no'>('yes');
  const form = useRecordForm(
    { staffId: 'invitee', scheduledFor: 'scheduled-for', place: 'place', purpose: 'purpose', accompaniedAllowed: 'accompanied-allowed' },
    { staffId: 'Who is invited', scheduledFor: 'When', place: 'Where', purpose: 'What the meeting is about', accompaniedAllowed: 'May be accompanied' },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/investigation-meetings', {
        params: { path: { id: view.id } },
        body: {
          staffId: (invitee === WITNESS ? witnessId : invitee) ?? '',
          scheduledFor: ukInstant(scheduledFor, { withTime: true }),
          place,
          purpose,
          accompaniedAllowed: accompanied === 'yes',
        },
      }),
    (answer) => {
      update(answer);
      setInvitee(undefined);
      setWitnessId('');
      setScheduledFor(EMPTY_DATE_TIME);
      setPlace('');
      setPurpose('');
      setAccompanied('yes');
      form.setAdded(true);
    },
  );
  return (
    <RecordsStep
      view={view}
      title="Investigation meetings"
      form={form}
      send={send}
      banner="Meeting arranged"
      intro={
        <p className="govuk-body">
          Arrange a meeting with the subject or a witness to establish the facts (§4). An invitation to the subject is made from the meeting on the{' '}
          <Link href={`/cases/${view.id}/letters`}>letters page</Link>. Arranging a meeting does not make anyone a witness of the case: recording their
          interview does.
        </p>
      }
      recordedHeading="Arranged"
      records={view.investigationMeetings}
      cardName="Meeting"
      rows={(meeting) => [
        { key: 'With', value: `${meeting.name} (${CAPACITIES[meeting.capacity]?.name.toLowerCase() ?? meeting.capacity})` },
        { key: 'When', value: meeting.withheld || !meeting.scheduledFor ? 'Withheld' : formatDateTime(meeting.scheduledFor) },
        { key: 'Where', value: meeting.withheld ? 'Withheld' : meeting.place },
        { key: 'About', value: meeting.withheld ? 'Withheld' : meeting.purpose },
        { key: 'May be accompanied', value: meeting.accompaniedAllowed ? 'Yes' : 'No' },
        { key: 'Arranged', value: formatDateTime(meeting.arrangedAt) },
      ]}
      none="No meeting has been arranged yet."
      addHeading="Arrange a meeting"
      submitText="Arrange the meeting"
    >
      <Radios
        id="invitee"
        legend="Who is invited"
        legendSize="s"
        {...form.choice('staffId', invitee, setInvitee)}
        items={[
          ...subjects.map((s) => ({ value: s.staffId, text: s.name ?? 'A member of staff', hint: 'The subject: the allegations are about them.' })),
          {
            value: WITNESS,
            text: 'A witness from the staff directory',
            hint: 'Someone who saw or knows something about what happened.',
            conditional: (
              <Select
                id="witness-id"
                label="Member of staff"
                value={witnessId}
                onChange={(event) => setWitnessId(event.target.value)}
                options={[
                  { value: '', text: 'Choose a member of staff' },
                  ...staff
                    .filter((person) => !subjects.some((s) => s.staffId === person.id))
                    .map((person) => ({ value: person.id, text: person.jobTitle ? `${person.name}, ${person.jobTitle}` : person.name })),
                ]}
              />
            ),
          },
        ]}
      />
      <DateInput
        id="scheduled-for"
        legend="When"
        hint={`A date and time ahead. ${DATE_TIME_HINT}`}
        withTime
        value={scheduledFor}
        onChange={setScheduledFor}
        error={form.errors.fields.scheduledFor}
      />
      <Input id="place" label="Where" labelSize="s" hint="For example, Meeting room 2, main building." {...form.text('place', place, setPlace)} />
      <Textarea
        id="purpose"
        label="What the meeting is about"
        labelSize="s"
        hint="As the invitation will say it: for example, to hear your account of the concerns raised about a post."
        rows={4}
        {...form.text('purpose', purpose, setPurpose)}
      />
      <Radios
        id="accompanied-allowed"
        legend="May they be accompanied?"
        legendSize="s"
        hint="ACAS: not a statutory right at an investigation meeting, but good practice. The letter says so when allowed."
        inline
        {...form.choice('accompaniedAllowed', accompanied, setAccompanied)}
        items={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
      />
    </RecordsStep>
  );
}
