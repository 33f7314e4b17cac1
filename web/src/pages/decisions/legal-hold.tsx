import { useState } from 'react';
import { api } from '../../api/client';
import { Button, ErrorSummary, Link, NotificationBanner, SummaryList, Textarea, WarningText } from '../../components';
import { formatDateTime } from '../../lib/format';
import { useApiForm } from '../../lib/use-api-form';
import { DecisionPage, NotYours, offers, WithCase, type Case } from './common';

/**
 * A legal hold (§13; POST and DELETE /cases/:id/legal-hold): while it stands the case is not
 * erased when its retention date passes. One address for both: the page shows, from the case,
 * whether a hold stands — then it may be lifted — or not — then one may be placed, with a reason.
 */
export function LegalHoldPage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <LegalHold initial={found} />}</WithCase>;
}

function LegalHold({ initial }: { initial: Case }) {
  // each change answers with the updated case: the page goes on from it
  const [found, setFound] = useState(initial);
  const [done, setDone] = useState<'placed' | 'lifted' | null>(null);
  const [reason, setReason] = useState('');
  const form = useApiForm({ reason: 'reason' }, { reason: 'Reason for the hold' });
  const hold = found.retention.legalHold;
  const title = hold ? 'Lift the legal hold' : 'Place a legal hold';

  const place = form.submit(
    () => api.POST('/cases/{id}/legal-hold', { params: { path: { id: found.id } }, body: { reason } }),
    (answer) => {
      setFound(answer);
      setDone('placed');
      setReason('');
    },
  );
  const lift = form.submit(
    () => api.DELETE('/cases/{id}/legal-hold', { params: { path: { id: found.id } } }),
    (answer) => {
      setFound(answer);
      setDone('lifted');
    },
  );

  const banner = done && (
    <NotificationBanner success heading={done === 'placed' ? 'Legal hold placed' : 'Legal hold lifted'}>
      <p className="govuk-body">
        {done === 'placed' ? 'The case will not be erased while the hold stands.' : 'The case will be erased once its retention date has passed, as any other.'}{' '}
        <Link href={`/cases/${found.id}`} className="govuk-notification-banner__link">
          Go to the case
        </Link>
      </p>
    </NotificationBanner>
  );
  const retention = (
    <SummaryList
      rows={[
        { key: 'Kept until', value: found.retention.retainUntil ? formatDateTime(found.retention.retainUntil) : 'Set when the case is closed' },
        ...(hold
          ? [
              { key: 'Legal hold', value: hold.reason },
              { key: 'Placed', value: formatDateTime(hold.placedAt) },
            ]
          : [{ key: 'Legal hold', value: 'None' }]),
      ]}
    />
  );

  if (!offers(found, hold ? 'lift_legal_hold' : 'place_legal_hold')) {
    return (
      <DecisionPage found={found} title={title}>
        {banner}
        {retention}
        {!done && <NotYours found={found} what={hold ? 'lift the legal hold' : 'place a legal hold'} />}
      </DecisionPage>
    );
  }
  return (
    <DecisionPage found={found} title={title} error={form.errors.summary.length > 0}>
      {banner}
      <ErrorSummary errors={form.errors.summary} />
      {retention}
      {hold ? (
        <form onSubmit={lift} noValidate>
          <WarningText>Once the hold is lifted, the case’s content is erased when its retention date has passed (§13).</WarningText>
          <Button variant="warning" disabled={form.submitting}>
            Lift the legal hold
          </Button>
        </form>
      ) : (
        <form onSubmit={place} noValidate>
          <Textarea
            id="reason"
            label="Reason for the hold"
            hint="For example, an employment tribunal claim received. While the hold stands, the case is not erased (§13)."
            rows={3}
            {...form.text('reason', reason, setReason)}
          />
          <Button disabled={form.submitting}>Place a legal hold</Button>
        </form>
      )}
    </DecisionPage>
  );
}
