import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Breadcrumbs, Button, DateInput, ErrorSummary, Table, EMPTY_DATE, type DateParts } from '../../components';
import { formatDate, formatDateTime } from '../../lib/format';
import { Page } from '../../lib/page';
import { choiceLabel, usePolicyOrNull, type Policy } from '../../lib/policy-words';
import { useApiForm } from '../../lib/use-api-form';
import { DATE_HINT, ukDate } from '../../lib/uk-time';
import { PLATFORM_NAMES, SANCTION_NAMES } from '../hr/words';

type Statistics = components['schemas']['StatisticsResponse'];
type Count = components['schemas']['StatisticsCount'];
type Row = { key: string; name: string; cases: Count };

const ERASED = 'Erased under the retention policy (§13)';
const OUTCOME_NAMES: Record<string, string> = {
  ...SANCTION_NAMES,
  closed_at_triage: 'Closed at triage, without investigation (§4)',
  no_outcome_yet: 'No outcome yet',
};

/** What the API says a count is: the number, "fewer than 5" or "5 or more" (suppressed). */
const shown = (count: Count) => <span data-suppressed={count.suppressed ? 'true' : undefined}>{count.display}</span>;

function CountTable({ caption, header, rows }: { caption: string; header: string; rows: Row[] }) {
  return (
    <Table<Row>
      caption={caption}
      captionSize="m"
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { header, cell: (r) => r.name },
        { header: 'Cases', cell: (r) => shown(r.cases), numeric: true },
      ]}
    />
  );
}

const days = (value: number | null) => (value === null ? '' : value.toLocaleString('en-GB', { maximumFractionDigits: 1 }));

function Figures({ stats, policy }: { stats: Statistics; policy: Policy | null }) {
  const label = (choices: keyof Pick<Policy, 'categories' | 'standards'>, value: string) =>
    value === 'erased' ? ERASED : choiceLabel(policy?.[choices], value);
  const durations = [
    { key: 'toTriage', name: 'From the report to triage', d: stats.workingDays.toTriage },
    { key: 'toDecision', name: 'From the report to the outcome decision', d: stats.workingDays.toDecision },
    { key: 'toClosure', name: 'From the report to closure', d: stats.workingDays.toClosure },
  ];
  // the period as asked for: `to` is the end (excluded), so its last day is the day before
  const first = stats.period.from && formatDate(stats.period.from);
  const last = stats.period.to && formatDate(new Date(Date.parse(stats.period.to) - 1).toISOString());
  const period =
    first && last
      ? `Cases reported from ${first} to ${last}`
      : first
        ? `Cases reported from ${first}`
        : last
          ? `Cases reported up to ${last}`
          : 'All cases reported';
  return (
    <section aria-labelledby="figures" data-testid="figures">
      <h2 className="govuk-heading-l" id="figures">
        {period}: {stats.cases.display}
      </h2>
      <p className="govuk-body">As at {formatDateTime(stats.asAt)}. No names, references or other details of a case are given.</p>
      <p className="govuk-body" data-testid="suppression">
        Small numbers are not shown, so that nobody can be identified from them: a count under 5 (none included) reads “fewer than 5”, and where a total would
        reveal a small count, another count is hidden too and reads “5 or more”. Times are not given over fewer than 5 cases.
      </p>
      <CountTable
        caption="By category (Appendix A)"
        header="Category"
        rows={stats.byCategory.map((r) => ({ key: r.category, name: label('categories', r.category), cases: r.cases }))}
      />
      <CountTable
        caption="By platform (§2)"
        header="Platform"
        rows={stats.byPlatform.map((r) => ({
          key: r.platform,
          name: r.platform === 'erased' ? ERASED : (PLATFORM_NAMES[r.platform] ?? r.platform),
          cases: r.cases,
        }))}
      />
      <CountTable
        caption="By standard (§7, §8) — a case citing several counts under each"
        header="Standard"
        rows={stats.byStandard.map((r) => ({ key: r.standard, name: label('standards', r.standard), cases: r.cases }))}
      />
      <CountTable
        caption="By outcome (after any appeal)"
        header="Outcome"
        rows={stats.byOutcome.map((r) => ({ key: r.outcome, name: OUTCOME_NAMES[r.outcome] ?? r.outcome, cases: r.cases }))}
      />
      <CountTable
        caption="Safeguarding (§5)"
        header="Safeguarding matter"
        rows={stats.bySafeguarding.map((r) => ({ key: String(r.safeguarding), name: r.safeguarding ? 'Safeguarding' : 'Not safeguarding', cases: r.cases }))}
      />
      <CountTable
        caption="Overdue now"
        header="Deadline"
        rows={[{ key: 'referral', name: 'Safeguarding referral past its deadline', cases: stats.overdue.safeguardingReferral }]}
      />
      <Table
        caption="Working days taken (Monday to Friday, UK), over the cases that reached each step"
        captionSize="m"
        rows={durations}
        rowKey={(r) => r.key}
        columns={[
          { header: 'Step', cell: (r) => r.name },
          { header: 'Median', cell: (r) => (r.d.suppressed ? 'Fewer than 5 cases' : days(r.d.median)), numeric: true },
          { header: '90th percentile', cell: (r) => (r.d.suppressed ? 'Fewer than 5 cases' : days(r.d.p90)), numeric: true },
        ]}
      />
    </section>
  );
}

/**
 * /statistics — anonymised figures for governors, the headteacher and HR (GET /statistics,
 * process.md §5, docs/statistics.md): the cases reported in a period (two UK dates, both
 * included; none: all), each breakdown a table, suppressed counts as the API says them.
 */
export function StatisticsPage() {
  const policy = usePolicyOrNull();
  const [from, setFrom] = useState<DateParts>(EMPTY_DATE);
  const [to, setTo] = useState<DateParts>(EMPTY_DATE);
  const [stats, setStats] = useState<Statistics | null>(null);
  const form = useApiForm({ from: 'from', to: 'to' }, { from: 'From', to: 'To' });
  const load = form.submit(
    () => api.GET('/statistics', { params: { query: { from: ukDate(from), to: ukDate(to) } } }),
    (data) => setStats(data),
  );
  // all cases, until a period is asked for
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(), []);
  return (
    <Page title={form.errors.summary.length ? 'Error: Statistics' : 'Statistics'} before={<Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors.summary} />
          <p className="govuk-body">
            How many cases, of what kind, with what outcome, and how long they took (§5). Choose a period, or leave it empty for all cases.
          </p>
          <form onSubmit={load} noValidate>
            <DateInput id="from" legend="Reported from" hint={DATE_HINT} {...form.field('from', from, setFrom)} />
            <DateInput id="to" legend="Reported up to and including" hint={DATE_HINT} {...form.field('to', to, setTo)} />
            <Button variant="secondary" disabled={form.submitting}>
              Show the figures
            </Button>
          </form>
        </div>
      </div>
      {stats && <Figures stats={stats} policy={policy} />}
    </Page>
  );
}
