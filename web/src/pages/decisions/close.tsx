import { useState } from 'react';
import { api } from '../../api/client';
import { Button, ErrorSummary, Link, Panel, SummaryList, Textarea } from '../../components';
import { formatDateTime } from '../../lib/format';
import { useApiForm } from '../../lib/use-api-form';
import { Confirmation, DecisionPage, NotYours, offers, SANCTION_NAMES, WithCase, type Case } from './common';

const TITLE = 'Close the case';

/**
 * Closing a decided case once its appeal window has passed (POST /cases/:id/close), by the
 * headteacher or the governors standing in, with an optional reason. Whether the window has
 * passed is the API's to say: the page shows the case's next step, and the API's 409 if it refuses.
 */
export function ClosePage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Close found={found} />}</WithCase>;
}

function Close({ found }: { found: Case }) {
  const [closed, setClosed] = useState<Case | null>(null);
  const [reason, setReason] = useState('');
  const form = useApiForm({ reason: 'reason' }, { reason: 'Reason' });
  const send = form.submit(() => api.POST('/cases/{id}/close', { params: { path: { id: found.id } }, body: reason.trim() ? { reason } : {} }), setClosed);

  if (closed) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <Confirmation>
          <Panel title="Case closed">Case {found.reference}</Panel>
        </Confirmation>
        {closed.retention.retainUntil && (
          <p className="govuk-body">
            Its content is kept until {formatDateTime(closed.retention.retainUntil)}, then erased unless a legal hold stops it (§13).
          </p>
        )}
        <p className="govuk-body">
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </p>
      </DecisionPage>
    );
  }
  if (!offers(found, 'close')) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <NotYours found={found} what="close the case" />
      </DecisionPage>
    );
  }
  const outcome = found.outcome;
  return (
    <DecisionPage found={found} title={TITLE} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      {outcome && (
        <SummaryList
          rows={[
            { key: 'Outcome', value: SANCTION_NAMES[found.sanctionInForce ?? outcome.sanction] },
            { key: 'Decided', value: formatDateTime(outcome.decidedAt) },
            { key: 'Appeal deadline', value: outcome.appealDeadline ? formatDateTime(outcome.appealDeadline) : 'None: no appeal was possible' },
          ]}
        />
      )}
      <form onSubmit={send} noValidate>
        <Textarea
          id="reason"
          label="Reason (optional)"
          hint="For example, that the appeal window passed without an appeal."
          rows={3}
          {...form.text('reason', reason, setReason)}
        />
        <Button disabled={form.submitting}>Close the case</Button>
      </form>
    </DecisionPage>
  );
}
