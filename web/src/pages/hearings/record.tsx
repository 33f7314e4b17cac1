import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { isProblem } from '../../api/problem';
import { useSession } from '../../auth/use-session';
import { Button, ButtonGroup, DateInput, ErrorSummary, Fieldset, Hint, Input, Link, Radios, Textarea, WarningText, type DateParts } from '../../components';
import { DATE_TIME_HINT, ukDateTime, ukParts } from '../../lib/uk-time';
import { useApiForm } from '../../lib/use-api-form';
import { DecisionPage, NotYours, offers, WithCase, type Case } from '../decisions/common';
import { COMPANION_NAMES, currentHearing, HearingSummary, KIND_WORDS, type CompanionCategory, type HearingKind } from './common';

type HearingRecord = components['schemas']['HearingRecordRequest'];

/** Up to three other people present (the chair and the subject are implied): a small list, kept simple. */
const ATTENDEE_ROWS = 3;

const FIELDS: Record<string, string> = {
  heldAt: 'held-at',
  subjectAttended: 'subject-attended',
  attendees: 'attendee-1-name',
  companion: 'companion-name',
  'companion.name': 'companion-name',
  'companion.category': 'companion-category',
  'companion.adjustmentReason': 'adjustment-reason',
  notes: 'notes',
  representations: 'representations',
  absenceReason: 'absence-reason',
};
const LABELS: Record<string, string> = {
  heldAt: 'When it was held',
  subjectAttended: 'Attendance',
  attendees: 'Who else attended',
  companion: 'Companion',
  'companion.name': 'The companion’s name',
  'companion.category': 'Who the companion is',
  'companion.adjustmentReason': 'The reasonable adjustment',
  notes: 'Notes of the hearing',
  representations: 'Representations',
  absenceReason: 'Why the decision is taken in their absence',
};
for (let i = 0; i < ATTENDEE_ROWS; i++) {
  FIELDS[`attendees.${i}.name`] = `attendee-${i + 1}-name`;
  FIELDS[`attendees.${i}.capacity`] = `attendee-${i + 1}-capacity`;
  LABELS[`attendees.${i}.name`] = `Attendee ${i + 1}: name`;
  LABELS[`attendees.${i}.capacity`] = `Attendee ${i + 1}: capacity`;
}

const ACTION = { disciplinary: 'record_hearing', appeal: 'record_appeal_hearing' } as const;

/**
 * The hearing record (POST /hearings/:id/record; process.md §1), by its chair: when it was held,
 * whether the subject attended (if not: why the decision is taken in their absence — the API
 * allows that only at a rearranged hearing), who else attended and in which capacity, the
 * companion (ERA 1999 s10(3): anyone outside the statutory categories only as a recorded
 * reasonable adjustment), the notes and the subject's representations. A 409
 * hearing_notice_not_given is explained with a link to the letters, where the invitation is
 * generated and recorded as sent.
 */
export function RecordHearingPage({ id, kind }: { id: string; kind: HearingKind }) {
  return <WithCase id={id}>{(found) => <Record found={found} kind={kind} />}</WithCase>;
}

function Record({ found, kind }: { found: Case; kind: HearingKind }) {
  const hearing = currentHearing(found, kind);
  const title = `Record the ${KIND_WORDS[kind].name}`;
  if (!hearing || !offers(found, ACTION[kind])) {
    return (
      <DecisionPage found={found} title={title}>
        {!hearing && <p className="govuk-body">No {KIND_WORDS[kind].name} has been arranged.</p>}
        <NotYours found={found} what={`record the ${KIND_WORDS[kind].name}`} />
      </DecisionPage>
    );
  }
  return <RecordForm found={found} kind={kind} hearingId={hearing.id} />;
}

interface AttendeeRow {
  name: string;
  capacity: string;
}

function RecordForm({ found, kind, hearingId }: { found: Case; kind: HearingKind; hearingId: string }) {
  const [, navigate] = useLocation();
  const session = useSession();
  const me = session.status === 'signed-in' ? session.user.id : '';
  const hearing = currentHearing(found, kind)!;
  const [heldAt, setHeldAt] = useState<DateParts>(() =>
    // the time arranged (to the minute, not before it), or now if that is still ahead
    ukParts(new Date(Math.min(Date.now(), Math.ceil(Date.parse(hearing.scheduledFor) / 60_000) * 60_000))),
  );
  const [attended, setAttended] = useState<'yes' | 'no'>();
  const [attendees, setAttendees] = useState<AttendeeRow[]>(() => Array.from({ length: ATTENDEE_ROWS }, () => ({ name: '', capacity: '' })));
  const [companionName, setCompanionName] = useState('');
  const [category, setCategory] = useState<CompanionCategory>();
  const [adjustmentReason, setAdjustmentReason] = useState('');
  const [notes, setNotes] = useState('');
  const [representations, setRepresentations] = useState('');
  const [absenceReason, setAbsenceReason] = useState('');
  const [noticeMissing, setNoticeMissing] = useState(false);
  const form = useApiForm(FIELDS, LABELS);

  const setAttendee = (i: number, part: keyof AttendeeRow) => (value: string) =>
    setAttendees((rows) => rows.map((row, j) => (j === i ? { ...row, [part]: value } : row)));

  const body = (): HearingRecord => {
    const companion =
      attended === 'yes' && (companionName.trim() || category)
        ? {
            name: companionName,
            category: category as CompanionCategory,
            ...(category === 'other_reasonable_adjustment' ? { adjustmentReason } : {}),
          }
        : undefined;
    return {
      heldAt: ukDateTime(heldAt) as string,
      // left unset, attendance is the API's to name (400, beside the radios)
      subjectAttended: (attended === undefined ? undefined : attended === 'yes') as boolean,
      attendees: attendees.filter((row) => row.name.trim() || row.capacity.trim()),
      notes,
      ...(companion ? { companion } : {}),
      ...(representations.trim() ? { representations } : {}),
      ...(attended === 'no' ? { absenceReason } : {}),
    };
  };
  const send = form.submit(
    async () => {
      const answer = await api.POST('/hearings/{id}/record', { params: { path: { id: hearingId } }, body: body() });
      setNoticeMissing(!answer.response.ok && isProblem(answer.error) && answer.error.code === 'hearing_notice_not_given');
      return answer;
    },
    () => navigate(`/cases/${found.id}?done=hearing-recorded`),
  );

  return (
    <DecisionPage found={found} title={`Record the ${KIND_WORDS[kind].name}`} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      {noticeMissing && (
        <div data-testid="notice-missing">
          <WarningText>
            The hearing can be recorded as held only once the invitation letter has been recorded as sent to the member of staff, with the notice due.
          </WarningText>
          <p className="govuk-body">
            <Link href={`/cases/${found.id}/letters`}>Generate the invitation letter and record it as sent</Link>, or rearrange the hearing to give the notice.
          </p>
        </div>
      )}
      <h2 className="govuk-heading-m">The hearing</h2>
      <HearingSummary hearing={hearing} me={me} />
      <form onSubmit={send} noValidate>
        <DateInput id="held-at" legend="When was it held?" legendSize="m" hint={DATE_TIME_HINT} withTime {...form.field('heldAt', heldAt, setHeldAt)} />
        <Radios
          id="subject-attended"
          legend="Did the member of staff attend?"
          legendSize="m"
          {...form.choice('subjectAttended', attended, setAttended)}
          items={[
            {
              value: 'yes',
              text: 'Yes',
              conditional: (
                <>
                  <Input
                    id="companion-name"
                    label="Their companion (if they were accompanied)"
                    labelSize="s"
                    {...form.text('companion.name', companionName, setCompanionName)}
                  />
                  <Radios
                    id="companion-category"
                    legend="Who the companion is"
                    legendSize="s"
                    hint="Employment Relations Act 1999 s10(3)."
                    {...form.choice('companion.category', category, setCategory)}
                    items={(Object.keys(COMPANION_NAMES) as CompanionCategory[]).map((value) => ({
                      value,
                      text: COMPANION_NAMES[value],
                      ...(value === 'other_reasonable_adjustment'
                        ? {
                            conditional: (
                              <Textarea
                                id="adjustment-reason"
                                label="Why they were allowed, as a reasonable adjustment"
                                labelSize="s"
                                rows={3}
                                {...form.text('companion.adjustmentReason', adjustmentReason, setAdjustmentReason)}
                              />
                            ),
                          }
                        : {}),
                    }))}
                  />
                </>
              ),
            },
            {
              value: 'no',
              text: 'No: the decision is taken in their absence',
              hint: 'Only when they missed a rearranged hearing without good reason (ACAS Code).',
              conditional: (
                <Textarea
                  id="absence-reason"
                  label="Why the decision is taken in their absence"
                  labelSize="s"
                  rows={3}
                  {...form.text('absenceReason', absenceReason, setAbsenceReason)}
                />
              ),
            },
          ]}
        />
        <Fieldset legend="Who else attended" legendSize="m" describedBy="attendees-hint">
          <Hint id="attendees-hint">Besides the chair and the member of staff: a note-taker, HR, a witness. Leave the rows you do not need empty.</Hint>
          {attendees.map((row, i) => (
            <div className="govuk-grid-row" key={i}>
              <div className="govuk-grid-column-one-half">
                <Input
                  id={`attendee-${i + 1}-name`}
                  label={`Attendee ${i + 1}: name`}
                  labelSize="s"
                  {...form.text(`attendees.${i}.name`, row.name, setAttendee(i, 'name'))}
                />
              </div>
              <div className="govuk-grid-column-one-half">
                <Input
                  id={`attendee-${i + 1}-capacity`}
                  label={`Attendee ${i + 1}: capacity`}
                  labelSize="s"
                  hint="For example, note-taker (HR)"
                  {...form.text(`attendees.${i}.capacity`, row.capacity, setAttendee(i, 'capacity'))}
                />
              </div>
            </div>
          ))}
        </Fieldset>
        <Textarea id="notes" label="Notes of the hearing" labelSize="m" rows={8} {...form.text('notes', notes, setNotes)} />
        <Textarea
          id="representations"
          label="The member of staff’s representations (optional)"
          labelSize="m"
          hint="What they or their companion put forward."
          rows={5}
          {...form.text('representations', representations, setRepresentations)}
        />
        <ButtonGroup>
          <Button disabled={form.submitting}>Record the hearing</Button>
          <Link href={`/cases/${found.id}`}>Cancel</Link>
        </ButtonGroup>
      </form>
    </DecisionPage>
  );
}
