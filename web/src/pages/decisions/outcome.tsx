import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import {
  Button,
  DateInput,
  EMPTY_DATE_TIME,
  ErrorSummary,
  InsetText,
  Link,
  Panel,
  Radios,
  SummaryList,
  Textarea,
  type DateParts,
  type SummaryRow,
} from '../../components';
import { formatDateTime } from '../../lib/format';
import { useApiForm } from '../../lib/use-api-form';
import {
  Confirmation,
  DecisionPage,
  FINDING_NAMES,
  NotYours,
  offers,
  SANCTION_NAMES,
  SanctionRadios,
  WarningExpiryInput,
  WithCase,
  type Case,
  type Sanction,
} from './common';
import { choiceLabel, choiceOf, usePolicy, type Policy } from '../../lib/policy-words';
import { ukDateTime, ukDayEnd, ukParts } from '../../lib/uk-time';

type OutcomeRequest = components['schemas']['OutcomeRequest'];

const TITLE = 'Record the outcome';

const FIELDS = {
  sanction: 'sanction',
  grossMisconduct: 'gross-misconduct',
  rationale: 'rationale',
  decidedAt: 'decided-at',
  communicatedAt: 'communicated-at',
  warningExpiresAt: 'warning-expires-at',
  appealDeadline: 'appeal-deadline',
  separationWaiverReason: 'separation-waiver-reason',
};
const LABELS = {
  sanction: 'Outcome',
  grossMisconduct: 'Gross misconduct',
  rationale: 'Reasons for the decision',
  decidedAt: 'When it was decided',
  communicatedAt: 'When it was given in writing',
  warningExpiresAt: 'When the warning expires',
  appealDeadline: 'Appeal deadline',
  separationWaiverReason: 'Why the investigating manager also decides',
};

/**
 * The outcome of a case awaiting decision (§12, §6; POST /cases/:id/outcome), by the headteacher or
 * the governors standing in: the investigation report and its findings summarised, then the
 * sanction (the policy's words beside each), gross misconduct, the reasons, the dates. The
 * separation waiver's reason is asked for only when the API offers this reader the waiver
 * (guidance.separationWaiver: they investigated the case and hold a deciding role). Every error
 * from the API lands beside its field.
 */
export function OutcomePage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Outcome found={found} />}</WithCase>;
}

function Outcome({ found }: { found: Case }) {
  const [recorded, setRecorded] = useState<Case | null>(null);
  if (recorded?.outcome) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <Confirmation>
          <Panel title="Outcome recorded">{SANCTION_NAMES[recorded.outcome.sanction]}</Panel>
        </Confirmation>
        {recorded.outcome.appealDeadline && <p className="govuk-body">An appeal may be lodged until {formatDateTime(recorded.outcome.appealDeadline)}.</p>}
        {recorded.guidance && <p className="govuk-body">Next: {recorded.guidance.nextStep.description}</p>}
        <p className="govuk-body">
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </p>
      </DecisionPage>
    );
  }
  const waiver = found.guidance?.separationWaiver ?? false;
  if (!offers(found, 'record_outcome') && !waiver) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <NotYours found={found} what="record the outcome" />
      </DecisionPage>
    );
  }
  return <OutcomeForm found={found} waiver={waiver} onDone={setRecorded} />;
}

/** What the decision rests on: the investigation report and the findings on each allegation. */
function Investigation({ found, policy }: { found: Case; policy: Policy | undefined }) {
  const report = found.investigationReport;
  const rows: SummaryRow[] = found.allegations.map((a) => {
    const clause = a.policyStandard
      ? choiceLabel(policy?.standards, a.policyStandard)
      : a.category
        ? choiceLabel(policy?.categories, a.category)
        : 'Allegation';
    return {
      key: clause,
      value: (
        <>
          <p className="govuk-body">{a.summary}</p>
          {a.finding ? (
            <p className="govuk-body govuk-!-margin-bottom-0">
              <strong>{FINDING_NAMES[a.finding.finding] ?? a.finding.finding}</strong>: {a.finding.reasoning}
            </p>
          ) : (
            <p className="govuk-body govuk-!-margin-bottom-0">No finding recorded.</p>
          )}
        </>
      ),
    };
  });
  return (
    <section aria-labelledby="investigation">
      <h2 className="govuk-heading-m" id="investigation">
        The investigation
      </h2>
      {report ? (
        <>
          <p className="govuk-body">Report submitted {formatDateTime(report.submittedAt)}.</p>
          <InsetText>{report.withheld || report.summary === null ? 'The investigation report is not shown to you.' : report.summary}</InsetText>
        </>
      ) : (
        <p className="govuk-body">No investigation report has been submitted.</p>
      )}
      <h3 className="govuk-heading-s">Findings</h3>
      {rows.length ? <SummaryList rows={rows} /> : <p className="govuk-body">No allegations were recorded.</p>}
    </section>
  );
}

function OutcomeForm({ found, waiver, onDone }: { found: Case; waiver: boolean; onDone: (answer: Case) => void }) {
  const policy = usePolicy();
  const words = policy.state === 'loaded' ? policy.data : undefined;
  const [sanction, setSanction] = useState<Sanction>();
  const [gross, setGross] = useState<string>();
  const [rationale, setRationale] = useState('');
  const [decidedAt, setDecidedAt] = useState<DateParts>(() => ukParts());
  const [communicatedAt, setCommunicatedAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [warningExpiresAt, setWarningExpiresAt] = useState<DateParts>({ day: '', month: '', year: '' });
  const [appealDeadline, setAppealDeadline] = useState<DateParts>({ day: '', month: '', year: '' });
  const [waiverReason, setWaiverReason] = useState('');
  const form = useApiForm(FIELDS, LABELS);

  const body = (): OutcomeRequest => {
    const optional = {
      communicatedAt: ukDateTime(communicatedAt),
      warningExpiresAt: ukDayEnd(warningExpiresAt),
      appealDeadline: ukDayEnd(appealDeadline),
      separationWaiverReason: waiver ? waiverReason : undefined,
    };
    return {
      // left unset, these are the API's to name (400, beside their fields)
      sanction: sanction as Sanction,
      grossMisconduct: (gross === undefined ? undefined : gross === 'yes') as boolean,
      rationale,
      decidedAt: ukDateTime(decidedAt) as string,
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    };
  };
  const send = form.submit(() => api.POST('/cases/{id}/outcome', { params: { path: { id: found.id } }, body: body() }), onDone);
  const grossWords = choiceOf(words?.sanctions, 'summary_dismissal');
  // the sanctions the API lets this reader record now (guidance.outcomeSanctions): only no action before a held hearing
  const offered = found.guidance?.outcomeSanctions ?? [];
  const offeredWords = words && offered.length ? { ...words, sanctions: words.sanctions.filter((s) => offered.includes(s.value as Sanction)) } : words;
  const onlyNoAction = offered.length === 1 && offered[0] === 'no_action';

  return (
    <DecisionPage found={found} title={TITLE} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      <Investigation found={found} policy={words} />
      <h2 className="govuk-heading-m">The decision</h2>
      {onlyNoAction && (
        <div data-testid="hearing-needed">
          <InsetText>
            <p className="govuk-body">
              Only no further action can be recorded now. A sanction follows a disciplinary hearing, held and recorded, chaired by the person who then decides
              (ACAS Code; process.md §1).
            </p>
            {offers(found, 'arrange_hearing') && (
              <p className="govuk-body">
                <Link href={`/cases/${found.id}/hearing`}>Arrange the disciplinary hearing</Link>
              </p>
            )}
          </InsetText>
        </div>
      )}
      <form onSubmit={send} noValidate>
        <SanctionRadios
          id={FIELDS.sanction}
          legend={LABELS.sanction}
          hint="The sanctions available under the Disciplinary Policy and Procedure, in the policy’s own words (§6, §12)."
          policy={offeredWords}
          value={sanction}
          onChange={setSanction}
          error={form.errors.fields.sanction}
        />
        <Radios
          id={FIELDS.grossMisconduct}
          legend="Is this gross misconduct?"
          legendSize="s"
          hint={grossWords ? `${grossWords.clause} “${grossWords.words}”` : undefined}
          {...form.choice('grossMisconduct', gross, setGross)}
          inline
          items={[
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
          ]}
        />
        <Textarea
          id={FIELDS.rationale}
          label={LABELS.rationale}
          labelSize="s"
          hint="Why this outcome. For gross misconduct and dismissal, cite the substantiated findings it rests on (§12)."
          {...form.text('rationale', rationale, setRationale)}
        />
        <DateInput
          id={FIELDS.decidedAt}
          legend={LABELS.decidedAt}
          hint="UK time. For example, 27 3 2026 14 30."
          withTime
          {...form.field('decidedAt', decidedAt, setDecidedAt)}
        />
        <DateInput
          id={FIELDS.communicatedAt}
          legend={`${LABELS.communicatedAt} (if it has been)`}
          hint="UK time: when the decision was given to the member of staff in writing, with their right of appeal and its deadline."
          withTime
          {...form.field('communicatedAt', communicatedAt, setCommunicatedAt)}
        />
        <WarningExpiryInput value={warningExpiresAt} onChange={setWarningExpiresAt} error={form.errors.fields.warningExpiresAt} />
        <DateInput
          id={FIELDS.appealDeadline}
          legend={LABELS.appealDeadline}
          hint="For any outcome other than no further action: the last day an appeal may be received (until the end of that day, UK time). The service checks it against the school’s bounds from when the decision is given in writing."
          {...form.field('appealDeadline', appealDeadline, setAppealDeadline)}
        />
        {waiver && (
          <Textarea
            id={FIELDS.separationWaiverReason}
            label={LABELS.separationWaiverReason}
            labelSize="s"
            hint="You investigated this case. The investigating manager and the decision-maker should be different people where practicable (ACAS); a small school may waive that with a recorded reason, which is kept in the audit log."
            {...form.text('separationWaiverReason', waiverReason, setWaiverReason)}
          />
        )}
        <Button disabled={form.submitting}>Record the outcome</Button>
      </form>
    </DecisionPage>
  );
}
