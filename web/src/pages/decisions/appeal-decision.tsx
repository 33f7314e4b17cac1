import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Button, EMPTY_DATE, ErrorSummary, Link, Panel, Radios, SummaryList, Textarea, type DateParts } from '../../components';
import { formatDateTime } from '../../lib/format';
import { useApiForm } from '../../lib/use-api-form';
import {
  APPEAL_RESULT_NAMES,
  Confirmation,
  DecisionPage,
  NotYours,
  offers,
  roleName,
  SANCTION_NAMES,
  SanctionRadios,
  WarningExpiryInput,
  WithCase,
  type Case,
  type Sanction,
} from './common';
import { usePolicy } from '../../lib/policy-words';
import { ukDayEnd } from '../../lib/uk-time';

type AppealDecision = components['schemas']['AppealDecisionRequest'];
type Result = AppealDecision['result'];

const TITLE = 'Decide the appeal';
const FIELDS = { result: 'result', rationale: 'rationale', newSanction: 'new-sanction', warningExpiresAt: 'warning-expires-at' };
const LABELS = { result: 'Decision', rationale: 'Reasons for the decision', newSanction: 'New outcome', warningExpiresAt: 'When the warning expires' };

/**
 * Hearing the appeal (§12; POST /appeals/:id/decision): a governor, or a headteacher who neither
 * investigated nor decided the outcome. Upheld (the sanction is withdrawn), varied (a lesser
 * sanction, with its warning's expiry) or dismissed (it stands), with the reasons; the appeal's
 * grounds and the outcome appealed against shown first. The decision closes the case.
 */
export function AppealDecisionPage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Appeal found={found} />}</WithCase>;
}

function Appeal({ found }: { found: Case }) {
  const [decided, setDecided] = useState<Case | null>(null);
  const appeal = found.appeals.find((a) => a.result === null);
  if (decided) {
    const result = decided.appeals.find((a) => a.id === appeal?.id)?.result;
    return (
      <DecisionPage found={found} title={TITLE}>
        <Confirmation>
          <Panel title="Appeal decided">{result ? APPEAL_RESULT_NAMES[result] : ''}</Panel>
        </Confirmation>
        <p className="govuk-body">
          The outcome now in force: {decided.sanctionInForce ? SANCTION_NAMES[decided.sanctionInForce] : 'none'}. The case is closed.
        </p>
        <p className="govuk-body">
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </p>
      </DecisionPage>
    );
  }
  if (!appeal || !offers(found, 'decide_appeal')) {
    return (
      <DecisionPage found={found} title={TITLE}>
        {!appeal && <p className="govuk-body">No appeal on this case is waiting for a decision.</p>}
        {appeal && <AppealHearingFirst found={found} />}
        <NotYours found={found} what="decide an appeal" />
      </DecisionPage>
    );
  }
  return <AppealForm found={found} appealId={appeal.id} onDone={setDecided} />;
}

function AppealForm({ found, appealId, onDone }: { found: Case; appealId: string; onDone: (answer: Case) => void }) {
  const policy = usePolicy();
  const appeal = found.appeals.find((a) => a.id === appealId)!;
  const outcome = found.outcome;
  const [result, setResult] = useState<Result>();
  const [newSanction, setNewSanction] = useState<Sanction>();
  const [warningExpiresAt, setWarningExpiresAt] = useState<DateParts>(EMPTY_DATE);
  const [rationale, setRationale] = useState('');
  const form = useApiForm(FIELDS, LABELS);

  const body = (): AppealDecision => {
    const varied = result === 'varied' ? { newSanction, warningExpiresAt: ukDayEnd(warningExpiresAt) } : {};
    // left unset, the result is the API's to name (400, beside the radios)
    return { result: result as Result, rationale, ...Object.fromEntries(Object.entries(varied).filter(([, value]) => value !== undefined)) };
  };
  const send = form.submit(() => api.POST('/appeals/{id}/decision', { params: { path: { id: appealId } }, body: body() }), onDone);

  return (
    <DecisionPage found={found} title={TITLE} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      <h2 className="govuk-heading-m">The appeal</h2>
      <SummaryList
        rows={[
          { key: 'Received', value: formatDateTime(appeal.lodgedAt) },
          { key: 'Grounds', value: appeal.grounds ?? 'Not shown to you' },
          ...(outcome
            ? [
                { key: 'Outcome appealed against', value: SANCTION_NAMES[outcome.sanction] },
                { key: 'Gross misconduct', value: outcome.grossMisconduct ? 'Yes' : 'No' },
                { key: 'Decided', value: `${formatDateTime(outcome.decidedAt)}, by the ${roleName(outcome.decidedByRole).toLowerCase()}` },
                { key: 'Reasons given', value: outcome.rationale ?? '' },
                ...(outcome.warningExpiresAt ? [{ key: 'Warning expires', value: formatDateTime(outcome.warningExpiresAt) }] : []),
              ]
            : []),
        ]}
      />
      <h2 className="govuk-heading-m">Your decision</h2>
      <form onSubmit={send} noValidate>
        <Radios
          id={FIELDS.result}
          legend={LABELS.result}
          legendSize="s"
          {...form.choice('result', result, setResult)}
          items={[
            { value: 'upheld', text: 'Uphold the appeal', hint: 'The appeal succeeds: the sanction is withdrawn.' },
            {
              value: 'varied',
              text: 'Vary the outcome',
              hint: 'A lesser sanction replaces it.',
              conditional: (
                <>
                  <SanctionRadios
                    id={FIELDS.newSanction}
                    legend={LABELS.newSanction}
                    hint="Less severe than the outcome appealed against, in the policy’s own words (§6, §12)."
                    policy={policy.state === 'loaded' ? policy.data : undefined}
                    value={newSanction}
                    onChange={setNewSanction}
                    error={form.errors.fields.newSanction}
                  />
                  <WarningExpiryInput value={warningExpiresAt} onChange={setWarningExpiresAt} error={form.errors.fields.warningExpiresAt} />
                </>
              ),
            },
            { value: 'dismissed', text: 'Dismiss the appeal', hint: 'The sanction stands.' },
          ]}
        />
        <Textarea id={FIELDS.rationale} label={LABELS.rationale} labelSize="s" {...form.text('rationale', rationale, setRationale)} />
        <Button disabled={form.submitting}>Record the decision</Button>
      </form>
    </DecisionPage>
  );
}

/**
 * process.md §1: the appeal is decided after the appeal hearing, by the person who chaired it —
 * said when the API does not offer the decision, with the hearing's screens when it offers those.
 */
function AppealHearingFirst({ found }: { found: Case }) {
  const arrange = offers(found, 'arrange_appeal_hearing');
  const record = offers(found, 'record_appeal_hearing');
  return (
    <div data-testid="appeal-hearing-first">
      <p className="govuk-body">The appeal is decided after the appeal hearing has been held and recorded, by the person who chaired it.</p>
      {(arrange || record) && (
        <ul className="govuk-list">
          {record && (
            <li>
              <Link href={`/cases/${found.id}/appeal/hearing/record`}>Record the appeal hearing</Link>
            </li>
          )}
          {arrange && (
            <li>
              <Link href={`/cases/${found.id}/appeal/hearing`}>Arrange the appeal hearing</Link>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
