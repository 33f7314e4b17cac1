import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Breadcrumbs, Button, DateInput, EMPTY_DATE, ErrorSummary, InsetText, NotificationBanner, Radios, toApiDate, type DateParts } from '../../components';
import { STATUS_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { fileNameOf, saveFile } from './download';

type Status = components['schemas']['CaseResponse']['status'];

const FIELDS = { from: 'from', to: 'to', status: 'status' };
const LABELS = { from: 'From', to: 'To', status: 'Status' };
const STATUSES: Status[] = ['reported', 'investigation', 'awaiting_decision', 'hearing', 'decided', 'appeal', 'closed'];

/** Nothing typed: no bound (the API then takes every case on that side). Anything typed goes to the API as typed, which decides. */
const bound = (parts: DateParts) => (parts.day.trim() || parts.month.trim() || parts.year.trim() ? toApiDate(parts) : undefined);

/**
 * The CSV of cases for HR records (GET /exports/cases.csv): the cases reported in a period
 * (dates are whole days in UK time, both included, as the API takes them) and, if chosen, of one
 * status. The file is fetched with the access token and handed to the browser to save.
 */
export function CasesExportPage() {
  const [from, setFrom] = useState<DateParts>(EMPTY_DATE);
  const [to, setTo] = useState<DateParts>(EMPTY_DATE);
  const [status, setStatus] = useState<string>('any');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useApiForm(FIELDS, LABELS);
  const errors = form.errors;
  const busy = form.submitting;

  const submit = form.submit(
    async () => {
      setSaved(null);
      const query = { from: bound(from), to: bound(to), status: status === 'any' ? undefined : (status as Status) };
      const answer = await api.GET('/exports/cases.csv', { params: { query }, parseAs: 'blob' });
      // the file and the name the API gives it
      return { ...answer, data: answer.data && { file: answer.data, name: fileNameOf(answer.response, 'cases.csv') } };
    },
    (csv) => {
      if (!csv) return;
      saveFile(csv.file, csv.name);
      setSaved(csv.name);
    },
  );

  return (
    <Page
      title={errors.summary.length ? 'Error: Export cases as CSV' : 'Export cases as CSV'}
      before={<Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {saved && (
            <NotificationBanner success heading="The CSV has been downloaded">
              <p className="govuk-body">It is saved as {saved}. It holds case content: keep it only where HR records are kept.</p>
            </NotificationBanner>
          )}
          <ErrorSummary errors={errors.summary} />
          <p className="govuk-body">
            One row per case you can see that was reported in the period, oldest first. Special-category evidence is never included (§13).
          </p>
          <form onSubmit={submit} noValidate>
            <DateInput
              id="from"
              legend="Reported from"
              hint="The first day of the period, in UK time. For example, 1 9 2026. Leave empty for every case before the end date."
              {...form.field('from', from, setFrom)}
            />
            <DateInput
              id="to"
              legend="Reported up to"
              hint="The last day of the period, included. For example, 31 8 2027. Leave empty for every case since the start date."
              {...form.field('to', to, setTo)}
            />
            <Radios
              id="status"
              legend="Status"
              legendSize="s"
              {...form.choice('status', status, setStatus)}
              small
              items={[{ value: 'any', text: 'Any status' }, ...STATUSES.map((value) => ({ value, text: STATUS_NAMES[value] ?? value }))]}
            />
            <Button disabled={busy}>Download CSV</Button>
          </form>
          <p className="govuk-body" role="status">
            {busy ? 'Preparing the CSV…' : ''}
          </p>
          <InsetText>Each export is recorded in the audit log.</InsetText>
        </div>
      </div>
    </Page>
  );
}
