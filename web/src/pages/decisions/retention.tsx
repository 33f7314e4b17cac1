import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { api } from '../../api/client';
import { problemOf, type SummaryError } from '../../api/problem';
import type { components } from '../../api/schema';
import { Breadcrumbs, Button, ButtonGroup, ErrorSummary, Link, Pagination, Panel, Table, WarningText } from '../../components';
import { formatDate, formatDateTime } from '../../lib/format';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { ProblemPage } from '../problem';
import { Loading } from '../../lib/loaded';
import { Confirmation, SANCTION_NAMES, type Sanction } from './common';
import { cursorTrail, pagesAround } from '../../lib/paging';

type Due = components['schemas']['RetentionDueItem'];
type RunResult = components['schemas']['RetentionRunResponse'];

const PAGE_SIZE = 50;

/**
 * Retention (§13): the closed cases past their retention date and not on hold (GET
 * /retention/due), and erasing their content (POST /retention/run) after a confirmation step; the
 * result lists what was erased (a tombstone remains) and what could not be (left whole, to try
 * again). Who may run it is the API's to say.
 */
export function RetentionPage() {
  const [params] = useSearchParams();
  const trail = cursorTrail(params);
  const cursor = trail.at(-1);
  const [version, setVersion] = useState(0);
  const [step, setStep] = useState<'list' | 'confirm'>('list');
  const [result, setResult] = useState<RunResult | null>(null);
  const [refusal, setRefusal] = useState<SummaryError[]>([]);
  const [running, setRunning] = useState(false);
  const loaded = useLoad(() => api.GET('/retention/due', { params: { query: { limit: PAGE_SIZE, cursor } } }), [cursor, version]);
  // the references of the cases a run names (it answers with ids): what was listed as due when it ran
  const [named, setNamed] = useState<Record<string, string>>({});

  if (loaded.state === 'failed') return <ProblemPage problem={loaded.problem} />;
  const due = loaded.state === 'loaded' ? loaded.data.items : [];
  const { previous, next } = pagesAround('/retention', {}, trail, loaded.state === 'loaded' ? loaded.data.nextCursor : null);

  const run = async () => {
    setRunning(true);
    setRefusal([]);
    try {
      setNamed((known) => ({ ...known, ...Object.fromEntries(due.map((d) => [d.id, d.reference])) }));
      const { data, error, response } = await api
        .POST('/retention/run')
        .catch((failure: unknown) => ({ data: undefined, error: failure, response: undefined }));
      if (data) {
        setResult(data);
        setStep('list');
        setVersion((v) => v + 1);
      } else {
        setRefusal([{ text: problemOf(error, response).detail }]);
      }
    } finally {
      setRunning(false);
    }
  };

  const crumbs = <Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />;
  const title = step === 'confirm' ? 'Erase the content of due cases' : 'Cases due for erasure';
  const nameOf = (id: string) => named[id] ?? id;

  return (
    <Page key={step} title={refusal.length ? `Error: ${title}` : title} before={crumbs}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={refusal} />
          {result && (
            <Confirmation>
              <Panel title="Retention run complete">
                {result.erased.length === 1 ? '1 case erased' : `${result.erased.length} cases erased`}
                {result.failed.length > 0 && `, ${result.failed.length} could not be`}
              </Panel>
              <div data-testid="run-result">
                <h2 className="govuk-heading-m">Erased</h2>
                {result.erased.length ? (
                  <ul className="govuk-list govuk-list--bullet">
                    {result.erased.map((id) => (
                      <li key={id}>{nameOf(id)}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="govuk-body">None.</p>
                )}
                <p className="govuk-body">Their content is gone; a tombstone (the reference, dates and outcome) remains, and the audit trail still verifies.</p>
                <h2 className="govuk-heading-m">Could not be erased</h2>
                {result.failed.length ? (
                  <>
                    <ul className="govuk-list govuk-list--bullet">
                      {result.failed.map((id) => (
                        <li key={id}>{nameOf(id)}</li>
                      ))}
                    </ul>
                    <p className="govuk-body">They were left whole and the failure was logged. Run retention again later.</p>
                  </>
                ) : (
                  <p className="govuk-body">None.</p>
                )}
              </div>
            </Confirmation>
          )}
          {step === 'confirm' ? (
            <>
              <WarningText>
                This erases the content of every case due now — {due.length === 1 ? '1 case is listed' : `${due.length} cases are listed`}
                {next ? ', and more on further pages' : ''}. It cannot be undone.
              </WarningText>
              <p className="govuk-body">
                A tombstone remains for each: its reference, dates and outcome. Cases on legal hold are not due and are left alone (§13).
              </p>
              <ButtonGroup>
                <Button type="button" variant="warning" disabled={running} onClick={() => void run()}>
                  Erase now
                </Button>
                <Button type="button" variant="secondary" disabled={running} onClick={() => setStep('list')}>
                  Cancel
                </Button>
              </ButtonGroup>
            </>
          ) : (
            <>
              <p className="govuk-body">
                Closed cases past the date until which they are kept, and not on legal hold (§13). Their content is then erased; a tombstone remains.
              </p>
              {loaded.state === 'loading' && <Loading />}
              {loaded.state === 'loaded' &&
                (due.length ? (
                  <>
                    <Table<Due>
                      caption="Due for erasure, earliest first"
                      rows={due}
                      rowKey={(d) => d.id}
                      columns={[
                        { header: 'Case', cell: (d) => <Link href={`/cases/${d.id}`}>{d.reference}</Link> },
                        { header: 'Closed', cell: (d) => formatDateTime(d.closedAt) },
                        { header: 'Kept until', cell: (d) => formatDate(d.retainUntil) },
                        { header: 'Outcome', cell: (d) => (d.sanction ? (SANCTION_NAMES[d.sanction as Sanction] ?? d.sanction) : 'None') },
                      ]}
                    />
                    <Pagination previous={previous} next={next} />
                    <Button type="button" variant="warning" onClick={() => setStep('confirm')}>
                      Erase the content of due cases
                    </Button>
                  </>
                ) : (
                  <p className="govuk-body">No case is due for erasure.</p>
                ))}
              <p className="govuk-body">
                <Link href="/audit">The audit trail</Link>
              </p>
            </>
          )}
        </div>
      </div>
    </Page>
  );
}
