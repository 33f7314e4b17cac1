import { useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { api } from '../../api/client';
import { formErrors, NO_ERRORS, type FormErrors } from '../../api/problem';
import type { operations } from '../../api/schema';
import { Breadcrumbs, Checkboxes, DateInput, ErrorSummary, Filter, FilterLayout, Input, Pagination, Radios, type DateParts } from '../../components';
import { STATUS_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { CaseTable } from './case-table';
import { follows, previousCursor, withQuery } from '../../lib/paging';
import { datePartsOf, ukDate } from '../../lib/uk-time';
import { Loading } from '../../lib/loaded';

/** GET /cases's query; the URL's values go as they are (true/false as typed): the API says when one is wrong. */
type ListQuery = NonNullable<operations['listCases']['parameters']['query']>;

const PAGE_SIZE = 50;
const STATUSES = ['reported', 'investigation', 'awaiting_decision', 'hearing', 'decided', 'appeal', 'closed'] as const;
/** The filters this page offers: each a GET /cases parameter (docs/case-list.md). */
const FILTERS = ['q', 'status', 'safeguarding', 'overdue', 'assignedToMe', 'from', 'to'] as const;
const ONLY: { value: 'safeguarding' | 'overdue' | 'assignedToMe'; text: string; hint: string }[] = [
  { value: 'safeguarding', text: 'Safeguarding cases', hint: 'Pupils involved, the harm threshold possibly met, or referred (§5).' },
  { value: 'overdue', text: 'Overdue', hint: 'A safeguarding referral not recorded by the time it was due.' },
  { value: 'assignedToMe', text: 'Cases I am investigating', hint: 'You are the investigating manager now.' },
];
const LABELS: Record<string, string> = { q: 'Search', status: 'Status', from: 'Reported from', to: 'Reported to' };
const FIELD_IDS: Record<string, string> = { q: 'q', status: 'status', from: 'from', to: 'to', safeguarding: 'only', overdue: 'only', assignedToMe: 'only' };

/** The filters as the URL holds them. */
function filtersOf(params: URLSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));
}

/**
 * The cases the person may see (GET /cases), with the MOJ filter: status, safeguarding, overdue,
 * assigned to me, reported from/to (UK dates), a search by reference or subject's name. The
 * filters live in the URL (ids and values, never case content); pages follow the API's keyset
 * cursor ("Next page"), newest first — the API's order, so the table is not sortable.
 */
export function CaseListPage() {
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const filters = filtersOf(params);
  const cursor = params.get('cursor') ?? undefined;
  const key = JSON.stringify(filters);
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as unknown as ListQuery;
  const loaded = useLoad(() => api.GET('/cases', { params: { query: { ...query, limit: PAGE_SIZE, cursor } } }), [key, cursor]);
  const errors: FormErrors = loaded.state === 'failed' ? formErrors(loaded.problem, FIELD_IDS, LABELS) : NO_ERRORS;

  const without = (name: string) => withQuery('/cases', { ...filters, [name]: undefined });
  const tag = (name: (typeof FILTERS)[number], text: string) => (filters[name] ? [{ text, href: without(name) }] : []);
  const selected = {
    clearHref: '/cases',
    categories: [
      { heading: 'Search', items: tag('q', `“${filters.q}”`) },
      { heading: 'Status', items: tag('status', STATUS_NAMES[filters.status ?? ''] ?? filters.status ?? '') },
      {
        heading: 'Only',
        items: ONLY.flatMap((o) => tag(o.value, filters[o.value] === 'false' ? `Not: ${o.text.toLowerCase()}` : o.text)),
      },
      { heading: 'Reported', items: [...tag('from', `From ${filters.from}`), ...tag('to', `To ${filters.to}`)] },
    ],
  };

  const here = withQuery('/cases', filters);
  const page = loaded.state === 'loaded' ? loaded.data : undefined;
  const next = page?.nextCursor ? withQuery('/cases', { ...filters, cursor: follows(page.nextCursor, cursor) }) : undefined;
  const previous = cursor ? withQuery('/cases', { ...filters, cursor: previousCursor(cursor) }) : undefined;

  return (
    <Page title={errors.summary.length ? 'Error: Cases' : 'Cases'} heading="Cases" before={<Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />}>
      <ErrorSummary errors={errors.summary} />
      <FilterLayout
        filter={<CaseFilters key={here} filters={filters} errors={errors} selected={selected} onApply={(chosen) => navigate(withQuery('/cases', chosen))} />}
      >
        {loaded.state === 'loading' && <Loading />}
        {loaded.state === 'failed' && (
          <p className="govuk-body">No cases are shown: {errors.summary.length > 1 ? 'see the problems above.' : errors.summary[0]?.text}</p>
        )}
        {page &&
          (page.items.length ? (
            <>
              <CaseTable caption={cursor ? 'Cases (an older page)' : 'Cases, newest first'} items={page.items} />
              <Pagination previous={previous} next={next} />
            </>
          ) : (
            <p className="govuk-body" data-testid="no-cases">
              {cursor ? 'There are no older cases.' : 'No cases you can see match these filters.'}
            </p>
          ))}
      </FilterLayout>
    </Page>
  );
}

function CaseFilters({
  filters,
  errors,
  selected,
  onApply,
}: {
  filters: Record<string, string | undefined>;
  errors: FormErrors;
  selected: Parameters<typeof Filter>[0]['selected'];
  onApply: (filters: Record<string, string | undefined>) => void;
}) {
  const [q, setQ] = useState(filters.q ?? '');
  const [status, setStatus] = useState(filters.status ?? '');
  const [only, setOnly] = useState<string[]>(ONLY.filter((o) => filters[o.value] === 'true').map((o) => o.value));
  const [from, setFrom] = useState<DateParts>(datePartsOf(filters.from));
  const [to, setTo] = useState<DateParts>(datePartsOf(filters.to));
  // a filter the form cannot show (`…=false`, a date-time typed into the URL) is kept as it is
  const kept = (name: 'from' | 'to', parts: DateParts) => (datePartsOf(filters[name]).year || !filters[name] ? ukDate(parts) : filters[name]);
  const apply = () =>
    onApply({
      q: q.trim() || undefined,
      status: status || undefined,
      ...Object.fromEntries(ONLY.map((o) => [o.value, only.includes(o.value) ? 'true' : filters[o.value] === 'false' ? 'false' : undefined])),
      from: kept('from', from),
      to: kept('to', to),
    });
  return (
    <Filter selected={selected} onApply={apply}>
      <Input
        id="q"
        label="Reference or subject’s name"
        labelSize="s"
        hint="At least 3 characters, for example SMP-2026-0007 or Taylor"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        error={errors.fields.q}
        spellCheck={false}
      />
      <Radios
        id="status"
        legend="Status"
        legendSize="s"
        small
        value={status}
        onChange={setStatus}
        error={errors.fields.status}
        items={[{ value: '', text: 'Any status' }, ...STATUSES.map((s) => ({ value: s, text: STATUS_NAMES[s] }))]}
      />
      <Checkboxes
        id="only"
        legend="Show only"
        legendSize="s"
        small
        values={only}
        onChange={setOnly}
        error={errors.fields.safeguarding ?? errors.fields.overdue ?? errors.fields.assignedToMe}
        items={ONLY.map((o) => ({ value: o.value, text: o.text, hint: o.hint }))}
      />
      <DateInput id="from" legend="Reported from" hint="For example, 1 9 2026" value={from} onChange={setFrom} error={errors.fields.from} />
      <DateInput id="to" legend="Reported to" hint="The whole day is included" value={to} onChange={setTo} error={errors.fields.to} />
    </Filter>
  );
}
