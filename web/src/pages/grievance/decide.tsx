import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import {
  Button,
  ButtonGroup,
  DateInput,
  EMPTY_DATE_TIME,
  ErrorSummary,
  Link,
  Panel,
  Radios,
  SummaryCard,
  SummaryList,
  Textarea,
  type DateParts,
} from '../../components';
import { useApiForm } from '../../lib/use-api-form';
import { DATE_TIME_HINT, ukDateTime } from '../../lib/uk-time';
import { GRIEVANCE_OUTCOME_NAMES, grievanceRows, grievanceTitle, type GrievanceOutcome } from '../cases/grievances';
import { Confirmation, DecisionPage, NotYours, offers, WithCase, type Case } from '../decisions/common';

const TITLE = 'Decide a grievance';
const FIELDS = { grievance: 'grievance', outcome: 'outcome', reasons: 'reasons', decidedAt: 'decided-at' };
const LABELS = { grievance: 'Grievance', outcome: 'Decision', reasons: 'Reasons for the decision', decidedAt: 'When it was decided' };

/**
 * Hearing a grievance (§6; POST /cases/:id/grievances/:grievanceId/decision, docs/grievances.md):
 * a headteacher or governor uninvolved in the case — the API decides who that is and offers the
 * action (decide_grievance) only to them. The grievances waiting are shown first (chosen from when
 * there are several); then upheld, partly upheld or not upheld, the reasons and when.
 */
export function DecideGrievancePage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Decide found={found} />}</WithCase>;
}

function Decide({ found }: { found: Case }) {
  const [decided, setDecided] = useState<{ answer: Case; grievanceId: string } | null>(null);
  if (decided) {
    const outcome = decided.answer.grievances.find((g) => g.id === decided.grievanceId)?.decision?.outcome;
    const paused = decided.answer.paused?.grievanceId === decided.grievanceId;
    return (
      <DecisionPage found={found} title={TITLE}>
        <Confirmation>
          <Panel title="Grievance decided">{outcome ? GRIEVANCE_OUTCOME_NAMES[outcome] : ''}</Panel>
        </Confirmation>
        {paused && <p className="govuk-body">The disciplinary process was paused for this grievance: the person deciding the case may now resume it.</p>}
        <p className="govuk-body">
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </p>
      </DecisionPage>
    );
  }
  const waiting = found.grievances.filter((g) => g.decision === null);
  if (!waiting.length || !offers(found, 'decide_grievance')) {
    return (
      <DecisionPage found={found} title={TITLE}>
        {!waiting.length && <p className="govuk-body">No grievance on this case is waiting for a decision.</p>}
        <NotYours found={found} what="decide a grievance" />
      </DecisionPage>
    );
  }
  return <DecideForm found={found} onDone={(answer, grievanceId) => setDecided({ answer, grievanceId })} />;
}

function DecideForm({ found, onDone }: { found: Case; onDone: (answer: Case, grievanceId: string) => void }) {
  const waiting = found.grievances.filter((g) => g.decision === null);
  const number = (id: string) => found.grievances.findIndex((g) => g.id === id);
  const [chosen, setChosen] = useState<string | undefined>(waiting.length === 1 ? waiting[0].id : undefined);
  const [outcome, setOutcome] = useState<GrievanceOutcome>();
  const [reasons, setReasons] = useState('');
  const [decidedAt, setDecidedAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const form = useApiForm(FIELDS, LABELS);

  const send = form.submit(
    () =>
      api.POST('/cases/{id}/grievances/{grievanceId}/decision', {
        params: { path: { id: found.id, grievanceId: chosen! } },
        // unset answers go as they are: the API's 400 names them, and the page shows it beside the field
        body: { outcome: outcome as GrievanceOutcome, reasons, decidedAt: ukDateTime(decidedAt) as string },
      }),
    (answer) => onDone(answer, chosen!),
  );
  // which grievance is the address of the decision, not a field of it: unchosen, the page asks and nothing is sent
  const onSubmit = (event: FormEvent) => {
    if (chosen) return void send(event);
    event.preventDefault();
    const message = 'Choose the grievance you are deciding';
    form.setErrors({ summary: [{ text: message, href: `#${FIELDS.grievance}` }], fields: { grievance: message } });
  };

  return (
    <DecisionPage found={found} title={TITLE} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      <p className="govuk-body">
        Policy §6: a grievance about how the policy was applied is heard by someone who took no part in the case. Decide it on what it says; the decision and
        its reasons are recorded on the case.
      </p>
      <form onSubmit={onSubmit} noValidate>
        {waiting.length === 1 ? (
          <>
            <h2 className="govuk-heading-m">The grievance</h2>
            <SummaryList rows={grievanceRows(found, waiting[0])} />
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">The grievances waiting</h2>
            {waiting.map((g) => (
              <SummaryCard key={g.id} title={grievanceTitle(found, number(g.id))}>
                <SummaryList rows={grievanceRows(found, g)} />
              </SummaryCard>
            ))}
            <Radios
              id={FIELDS.grievance}
              legend="Which grievance are you deciding?"
              legendSize="m"
              value={chosen}
              onChange={setChosen}
              error={form.errors.fields.grievance}
              items={waiting.map((g) => ({ value: g.id, text: grievanceTitle(found, number(g.id)) }))}
            />
          </>
        )}
        <h2 className="govuk-heading-m">Your decision</h2>
        <Radios
          id={FIELDS.outcome}
          legend={LABELS.outcome}
          legendSize="s"
          {...form.choice('outcome', outcome, setOutcome)}
          items={[
            { value: 'upheld', text: GRIEVANCE_OUTCOME_NAMES.upheld, hint: 'The grievance succeeds: the policy was not applied as it should have been.' },
            { value: 'partly_upheld', text: GRIEVANCE_OUTCOME_NAMES.partly_upheld, hint: 'Some of it succeeds.' },
            { value: 'not_upheld', text: GRIEVANCE_OUTCOME_NAMES.not_upheld, hint: 'The policy was applied as it should have been.' },
          ]}
        />
        <Textarea id={FIELDS.reasons} label={LABELS.reasons} labelSize="s" rows={6} {...form.text('reasons', reasons, setReasons)} />
        <DateInput
          id={FIELDS.decidedAt}
          legend="When was it decided?"
          legendSize="s"
          hint={DATE_TIME_HINT}
          withTime
          {...form.field('decidedAt', decidedAt, setDecidedAt)}
        />
        <ButtonGroup>
          <Button disabled={form.submitting}>Record the decision</Button>
          <Link href={`/cases/${found.id}`}>Cancel</Link>
        </ButtonGroup>
      </form>
    </DecisionPage>
  );
}
