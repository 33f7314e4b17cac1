import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Button, ErrorSummary, Link, NotificationBanner, Radios, SummaryList, Tag, Textarea, type SummaryRow } from '../../components';
import { formatDateTime } from '../../lib/format';
import { useApiForm } from '../../lib/use-api-form';
import { DecisionPage, NotYours, offers, roleName, WithCase, type Case } from './common';
import { choiceWords, usePolicy, type Policy } from '../../lib/policy-words';

type Authorisation = components['schemas']['MonitoringAuthorisationResponse'];
type Decision = 'approve' | 'reject';

const TITLE = 'Monitoring requests';

/**
 * The case's monitoring requests (§9, §11), pending ones decided here by the headteacher or the
 * governors standing in (POST /monitoring-requests/:id/approve | reject): justification,
 * proportionality, scope and reason (with the policy's words), period and expiry side by side.
 * The refusals — a decision is final, never one's own request, expiry bounds — are the API's,
 * shown in its words.
 */
export function MonitoringPage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Monitoring found={found} />}</WithCase>;
}

function Monitoring({ found }: { found: Case }) {
  const policy = usePolicy();
  const [requests, setRequests] = useState(found.monitoring);
  const [decided, setDecided] = useState<Authorisation | null>(null);
  const [errors, setErrors] = useState(false);
  const mayDecide = offers(found, 'decide_monitoring');
  const words = policy.state === 'loaded' ? policy.data : undefined;
  const pending = requests.filter((r) => r.status === 'pending');

  return (
    <DecisionPage found={found} title={TITLE} error={errors} wide>
      {decided && (
        <NotificationBanner success heading={decided.status === 'approved' ? 'Monitoring request approved' : 'Monitoring request rejected'}>
          <p className="govuk-body">The decision is recorded{decided.decidedAt ? ` (${formatDateTime(decided.decidedAt)})` : ''}. A decision is final.</p>
        </NotificationBanner>
      )}
      {!mayDecide && pending.length > 0 && <NotYours found={found} what="decide monitoring requests" />}
      {requests.length === 0 && <p className="govuk-body">No monitoring has been requested on this case.</p>}
      {pending.length === 0 && requests.length > 0 && !decided && <p className="govuk-body">No request is waiting for a decision.</p>}
      {[...requests]
        // numbered in the order they were made; those waiting for a decision first, then the newest
        .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
        .map((request, i) => ({ request, number: i + 1 }))
        .sort((a, b) => Number(b.request.status === 'pending') - Number(a.request.status === 'pending') || b.number - a.number)
        .map(({ request, number }) => (
          <section key={request.id} aria-labelledby={`request-${request.id}`} className="govuk-!-margin-bottom-8">
            <h2 className="govuk-heading-m" id={`request-${request.id}`}>
              Request {number}, made {formatDateTime(request.requestedAt)}
            </h2>
            <SummaryList rows={rowsOf(request, found, words)} />
            {request.status === 'pending' && mayDecide && (
              <DecisionForm
                request={request}
                onError={setErrors}
                onDone={(answer) => {
                  setRequests((all) => all.map((r) => (r.id === answer.id ? answer : r)));
                  setDecided(answer);
                  setErrors(false);
                }}
              />
            )}
          </section>
        ))}
      <p className="govuk-body">
        <Link href={`/cases/${found.id}`}>Go to the case</Link>
      </p>
    </DecisionPage>
  );
}

function statusTag(request: Authorisation) {
  if (request.status === 'pending') return <Tag colour="yellow">Waiting for a decision</Tag>;
  if (request.status === 'rejected') return <Tag colour="red">Rejected</Tag>;
  return request.expired ? <Tag colour="grey">Approved, expired</Tag> : <Tag colour="green">Approved</Tag>;
}

/** A recorded choice, with the policy's own words under it. */
function Quoted({ choice }: { choice: { label: string; words: string } }) {
  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-1">{choice.label}</p>
      {choice.words && <p className="govuk-hint govuk-!-margin-bottom-0">“{choice.words}”</p>}
    </>
  );
}

/** Everything a decision rests on, side by side. */
function rowsOf(request: Authorisation, found: Case, policy: Policy | undefined): SummaryRow[] {
  const allegations = request.allegationIds.map((aid) => found.allegations.find((a) => a.id === aid)?.summary ?? aid);
  const rows: SummaryRow[] = [
    { key: 'Status', value: statusTag(request) },
    { key: 'Scope', value: <Quoted choice={choiceWords(policy?.monitoringScopes, request.scope)} /> },
    { key: 'Reason', value: <Quoted choice={choiceWords(policy?.monitoringReasons, request.reason)} /> },
    { key: 'Justification', value: request.justification },
    { key: 'Proportionality', value: request.proportionality },
    { key: 'Period to be reviewed', value: `${formatDateTime(request.periodFrom)} to ${formatDateTime(request.periodTo)}` },
    {
      key: 'Systems or accounts covered',
      value: (
        <ul className="govuk-list">
          {request.systems.map((system) => (
            <li key={system}>{system}</li>
          ))}
        </ul>
      ),
    },
    { key: 'Expires', value: formatDateTime(request.expiresAt) },
  ];
  if (allegations.length) {
    rows.push({
      key: 'Allegations it concerns',
      value: (
        <ul className="govuk-list">
          {allegations.map((summary, i) => (
            <li key={i}>{summary}</li>
          ))}
        </ul>
      ),
    });
  }
  if (request.status !== 'pending') {
    rows.push({
      key: request.status === 'approved' ? 'Approved' : 'Rejected',
      value: [
        request.decidedAt ? formatDateTime(request.decidedAt) : '',
        request.decidedByRole ? `by the ${roleName(request.decidedByRole).toLowerCase()}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    });
    if (request.decisionNote) rows.push({ key: request.status === 'approved' ? 'Note' : 'Reason', value: request.decisionNote });
  }
  if (request.disclosures.length) {
    rows.push({
      key: 'Disclosures',
      value: (
        <ul className="govuk-list">
          {request.disclosures.map((d) => (
            <li key={d.id}>
              {d.recipient}: {d.purpose} ({formatDateTime(d.disclosedAt)})
            </li>
          ))}
        </ul>
      ),
    });
  }
  return rows;
}

function DecisionForm({ request, onDone, onError }: { request: Authorisation; onDone: (answer: Authorisation) => void; onError: (errors: boolean) => void }) {
  const rid = request.id;
  const ids = { decision: `decision-${rid}`, note: `note-${rid}`, reason: `reason-${rid}` };
  const [decision, setDecision] = useState<Decision>();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const form = useApiForm({ note: ids.note, reason: ids.reason }, { note: 'Note', reason: 'Reason for rejecting', expiresAt: 'The expiry' });
  const [unchosen, setUnchosen] = useState(false);

  const send = form.submit(
    () =>
      decision === 'approve'
        ? api.POST('/monitoring-requests/{id}/approve', { params: { path: { id: rid } }, body: note.trim() ? { note } : {} })
        : api.POST('/monitoring-requests/{id}/reject', { params: { path: { id: rid } }, body: { reason } }),
    onDone,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // which of the two requests to send is the person's choice: without one there is nothing to ask the API
    setUnchosen(!decision);
    if (decision) void send();
  };
  const summary = useMemo(
    () => (unchosen ? [{ text: 'Choose whether to approve or reject the request', href: `#${ids.decision}` }] : form.errors.summary),
    [unchosen, ids.decision, form.errors.summary],
  );
  const hasErrors = summary.length > 0;
  useEffect(() => onError(hasErrors), [onError, hasErrors]);

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={summary} />
      <Radios
        id={ids.decision}
        legend="Your decision"
        legendSize="s"
        hint="A decision is final: a rejected or expired authorisation cannot be used."
        value={decision}
        onChange={(value) => {
          setDecision(value as Decision);
          setUnchosen(false);
        }}
        error={unchosen ? 'Choose whether to approve or reject the request' : undefined}
        items={[
          {
            value: 'approve',
            text: 'Approve',
            hint: 'Monitoring may then take place within the period, until the authorisation expires.',
            conditional: (
              <Textarea
                id={ids.note}
                label="Note (optional)"
                hint="Any condition or remark, kept with the decision."
                rows={3}
                {...form.text('note', note, setNote)}
              />
            ),
          },
          {
            value: 'reject',
            text: 'Reject',
            conditional: (
              <Textarea
                id={ids.reason}
                label="Reason for rejecting"
                hint="For example, why the monitoring is not justified or not proportionate (§5)."
                rows={3}
                {...form.text('reason', reason, setReason)}
              />
            ),
          },
        ]}
      />
      <Button disabled={form.submitting}>Record the decision</Button>
    </form>
  );
}
