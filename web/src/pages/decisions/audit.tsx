import { useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { api } from '../../api/client';
import { formErrors, NO_ERRORS, type FormErrors } from '../../api/problem';
import type { components } from '../../api/schema';
import {
  Breadcrumbs,
  Button,
  DateInput,
  ErrorSummary,
  Filter,
  FilterLayout,
  Input,
  Link,
  Pagination,
  SummaryList,
  Table,
  Tag,
  type DateParts,
} from '../../components';
import { formatDateTime } from '../../lib/format';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { ProblemPage } from '../problem';
import { Loading } from '../../lib/loaded';
import { roleName } from './common';
import { cursorTrail, pagesAround, withQuery } from '../../lib/paging';
import { datePartsOf, ukDate } from '../../lib/uk-time';

type AuditEvent = components['schemas']['AuditEventResponse'];
type Verification = components['schemas']['ChainVerificationResponse'];

const PAGE_SIZE = 50;
const FILTERS = ['caseId', 'actorId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string | undefined>;
const FIELD_IDS = { caseId: 'case', from: 'from', to: 'to' };
const LABELS = { caseId: 'Case', actorId: 'Person', from: 'From', to: 'To' };

/** "case.viewed" → "Case viewed" */
const actionWords = (action: string): string => action.replace(/[._]/g, ' ').replace(/^./, (c) => c.toUpperCase());

function AuditLinks({ here }: { here: 'audit' | 'verify' }) {
  return (
    <ul className="govuk-list">
      {here !== 'audit' && (
        <li>
          <Link href="/audit">The audit trail</Link>
        </li>
      )}
      {here !== 'verify' && (
        <li>
          <Link href="/audit/verify">Check the audit trail has not been altered</Link>
        </li>
      )}
      <li>
        <Link href="/retention">Cases due for erasure</Link>
      </li>
    </ul>
  );
}

/**
 * The organisation's audit trail (GET /audit; §4, §5, §13): every change and every read of case
 * content, newest first, as far as the reader may read it (the API leaves out what they may not
 * see). Filters — a case, a person, from and to (UK dates) — live in the address (ids and dates);
 * pages follow the API's cursor.
 */
export function AuditPage() {
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined])) as Filters;
  const trail = cursorTrail(params);
  const cursor = trail.at(-1);
  const key = JSON.stringify(filters);
  const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
  const loaded = useLoad(() => api.GET('/audit', { params: { query: { ...query, limit: PAGE_SIZE, cursor } } }), [key, cursor]);
  if (loaded.state === 'failed' && loaded.problem.status !== 400) return <ProblemPage problem={loaded.problem} />;
  const errors: FormErrors = loaded.state === 'failed' ? formErrors(loaded.problem, FIELD_IDS, LABELS) : NO_ERRORS;
  const events = loaded.state === 'loaded' ? loaded.data.items : [];
  // what the filters name, in words: the events carry the case's reference and the person's name
  const reference = events.find((e) => e.caseId === filters.caseId)?.caseReference ?? undefined;
  const person = events.find((e) => e.actorUserId === filters.actorId)?.actorName ?? undefined;
  const without = (name: keyof Filters) => withQuery('/audit', { ...filters, [name]: undefined });
  const tag = (name: keyof Filters, text: string) => (filters[name] ? [{ text, href: without(name) }] : []);
  const { previous, next } = pagesAround('/audit', filters, trail, loaded.state === 'loaded' ? loaded.data.nextCursor : null);

  return (
    <Page title={errors.summary.length ? 'Error: Audit trail' : 'Audit trail'} before={<Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />}>
      <ErrorSummary errors={errors.summary} />
      <AuditLinks here="audit" />
      <FilterLayout
        filter={
          <AuditFilter
            // again once the events name the chosen case's reference, to show it in its field
            key={`${key}${reference ?? ''}`}
            filters={filters}
            reference={reference}
            errors={errors}
            selected={{
              clearHref: '/audit',
              categories: [
                { heading: 'Case', items: tag('caseId', reference ?? 'The chosen case') },
                { heading: 'Person', items: tag('actorId', person ?? 'The chosen person') },
                { heading: 'Period', items: [...tag('from', `From ${filters.from}`), ...tag('to', `To ${filters.to}`)] },
              ],
            }}
          />
        }
      >
        {loaded.state === 'loading' && <Loading />}
        {loaded.state === 'loaded' &&
          (events.length ? (
            // on a narrow screen the table scrolls sideways in its own pane (MOJ scrollable pane), not the page
            <div className="moj-scrollable-pane" tabIndex={0} role="region" aria-label="Events, newest first">
              <Table<AuditEvent>
                caption="Events, newest first"
                rows={events}
                rowKey={(e) => e.id}
                columns={[
                  { header: 'When', cell: (e) => formatDateTime(e.occurredAt) },
                  {
                    header: 'Who',
                    cell: (e) =>
                      e.actorUserId ? (
                        <>
                          {/* the name said first, then what the link does (an aria-label: hidden text would escape the scrolling pane) */}
                          <Link
                            href={withQuery('/audit', { ...filters, actorId: e.actorUserId })}
                            aria-label={`${e.actorName ?? 'Someone'}: show only their events`}
                          >
                            {e.actorName ?? 'Someone'}
                          </Link>
                          {e.actorRole && <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{roleName(e.actorRole)}</span>}
                        </>
                      ) : (
                        'The service'
                      ),
                  },
                  {
                    header: 'What',
                    cell: (e) => (
                      <>
                        {actionWords(e.action)}
                        {e.reason && <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">Reason: {e.reason.replace(/_/g, ' ')}</span>}
                      </>
                    ),
                  },
                  {
                    header: 'Case',
                    cell: (e) =>
                      e.caseId ? (
                        <Link href={withQuery('/audit', { ...filters, caseId: e.caseId })} aria-label={`${e.caseReference ?? 'A case'}: show only its events`}>
                          {e.caseReference ?? 'A case'}
                        </Link>
                      ) : (
                        ''
                      ),
                  },
                ]}
              />
            </div>
          ) : (
            <p className="govuk-body">No events match these filters.</p>
          ))}
        <Pagination previous={previous} next={next} />
      </FilterLayout>
    </Page>
  );
}

function AuditFilter({
  filters,
  reference,
  errors,
  selected,
}: {
  filters: Filters;
  reference: string | undefined;
  errors: FormErrors;
  selected: Parameters<typeof Filter>[0]['selected'];
}) {
  const [, navigate] = useLocation();
  const [caseRef, setCaseRef] = useState(reference ?? '');
  const [from, setFrom] = useState<DateParts>(datePartsOf(filters.from));
  const [to, setTo] = useState<DateParts>(datePartsOf(filters.to));
  const [notFound, setNotFound] = useState<string>();

  const apply = async () => {
    let caseId: string | undefined;
    const typed = caseRef.trim();
    if (typed && typed === reference) caseId = filters.caseId;
    else if (typed) {
      // the API finds a case by its reference (GET /cases?q=): only the cases this person may see
      const { data } = await api.GET('/cases', { params: { query: { q: typed, limit: 50 } } });
      caseId = data?.items.find((c) => c.reference.toUpperCase() === typed.toUpperCase())?.id;
      if (!caseId) {
        setNotFound(`There is no case with the reference ${typed} that you can see`);
        return;
      }
    }
    setNotFound(undefined);
    navigate(withQuery('/audit', { caseId, actorId: filters.actorId, from: ukDate(from), to: ukDate(to) }));
  };

  return (
    <Filter selected={selected} onApply={() => void apply()}>
      <Input
        id="case"
        label="Case reference"
        labelSize="s"
        hint="For example, SMP-2026-0007"
        value={caseRef}
        onChange={(event) => setCaseRef(event.target.value)}
        error={notFound ?? errors.fields.caseId}
        spellCheck={false}
      />
      <DateInput id="from" legend="From" hint="A date, UK time. For example, 1 9 2026." value={from} onChange={setFrom} error={errors.fields.from} />
      <DateInput id="to" legend="To" hint="Included." value={to} onChange={setTo} error={errors.fields.to} />
    </Filter>
  );
}

const PROBLEM_WORDS: Record<NonNullable<Verification['problem']>, string> = {
  gap: 'an event is missing from the sequence',
  prev_hash: 'an event does not follow the one before it',
  hash: 'an event was changed after it was written',
  payload: 'an event’s details were changed after it was written',
  head: 'the latest events were removed',
};

/** GET /audit/verify: the organisation's hash chain recomputed, and the first broken link if any. */
export function AuditVerifyPage() {
  const [version, setVersion] = useState(0);
  const loaded = useLoad(() => api.GET('/audit/verify'), [version]);
  if (loaded.state === 'failed') return <ProblemPage problem={loaded.problem} />;
  const result = loaded.state === 'loaded' ? loaded.data : undefined;
  return (
    <Page
      title="Check the audit trail"
      before={
        <Breadcrumbs
          items={[
            { text: 'Your work', href: '/' },
            { text: 'Audit trail', href: '/audit' },
          ]}
        />
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Every event is chained to the one before it by its hash, so any change, deletion or reordering of the trail is detected here.
          </p>
          {!result ? (
            <Loading />
          ) : (
            <div role="status" data-testid="verification">
              <SummaryList
                rows={[
                  {
                    key: 'Result',
                    value: result.valid ? <Tag colour="green">Intact</Tag> : <Tag colour="red">Altered</Tag>,
                  },
                  ...(result.valid
                    ? []
                    : [
                        { key: 'First broken at', value: result.firstBrokenAt === null ? 'Not known' : `Event ${result.firstBrokenAt}` },
                        ...(result.problem ? [{ key: 'What is wrong', value: PROBLEM_WORDS[result.problem] }] : []),
                      ]),
                  { key: 'Events checked', value: result.events.toLocaleString('en-GB') },
                  { key: 'Events whose details were erased under retention (§13)', value: result.erasedPayloads.toLocaleString('en-GB') },
                  { key: 'Latest hash', value: <code className="govuk-!-text-break-word">{result.headHash}</code> },
                ]}
              />
            </div>
          )}
          <Button type="button" variant="secondary" onClick={() => setVersion((v) => v + 1)} disabled={!result}>
            Check again
          </Button>
          <AuditLinks here="verify" />
        </div>
      </div>
    </Page>
  );
}
