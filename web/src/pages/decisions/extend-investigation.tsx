import { useState } from 'react';
import { api } from '../../api/client';
import { Button, ErrorSummary, Input, Link, Panel, Textarea } from '../../components';
import { useApiForm } from '../../lib/use-api-form';
import { Confirmation, DecisionPage, NotYours, offers, WithCase, type Case } from './common';

const TITLE = 'Give the investigation more time';

/**
 * Extending the investigation's deadline (process.md §6: the organisation's working days from
 * its start, "extendable with a reason"; POST /cases/:id/extend-investigation), by whoever appoints the
 * investigating manager. How many days one extension may add, and whether the investigation is
 * still open, are the API's to say: its 400 names the field, its 409 says why.
 */
export function ExtendInvestigationPage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Extend found={found} />}</WithCase>;
}

function Extend({ found }: { found: Case }) {
  const [extended, setExtended] = useState<string | null>(null);
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const form = useApiForm({ workingDays: 'working-days', reason: 'reason' }, { workingDays: 'Working days', reason: 'Reason' });
  const send = form.submit(
    // what is typed goes as typed when it is not a whole number: the API's 400 names the field
    () =>
      api.POST('/cases/{id}/extend-investigation', {
        params: { path: { id: found.id } },
        body: { workingDays: (/^\d+$/.test(days.trim()) ? Number(days) : days) as number, reason },
      }),
    () => setExtended(days.trim()),
  );

  if (extended) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <Confirmation>
          <Panel title="Investigation extended">{extended} more working days</Panel>
        </Confirmation>
        <p className="govuk-body">The investigating manager’s task shows the new deadline.</p>
        <p className="govuk-body">
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </p>
      </DecisionPage>
    );
  }
  if (!offers(found, 'extend_investigation')) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <NotYours found={found} what="extend the investigation" />
      </DecisionPage>
    );
  }
  return (
    <DecisionPage found={found} title={TITLE} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      <p className="govuk-body">
        An investigation is due a number of working days after it starts, set by the organisation (process.md §6); the investigating manager’s task shows when.
        Each extension is recorded with its reason.
      </p>
      <form onSubmit={send} noValidate>
        <Input
          id="working-days"
          label="Working days to add"
          hint="A whole number, for example 10."
          width="2"
          inputMode="numeric"
          {...form.text('workingDays', days, setDays)}
        />
        <Textarea id="reason" label="Reason" hint="Why more time is needed: it is kept on the record." rows={4} {...form.text('reason', reason, setReason)} />
        <Button disabled={form.submitting}>Extend the investigation</Button>
      </form>
    </DecisionPage>
  );
}
