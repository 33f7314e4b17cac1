import { api } from '../../api/client';
import { Breadcrumbs, InsetText, Link, Table, WarningText } from '../../components';
import { formatDate, formatDateTime } from '../../lib/format';
import { Loading } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { FINDING_NAMES } from '../../lib/words';
import { SANCTION_NAMES } from '../hr/words';
import { ProblemPage } from '../problem';

const crumbs = (
  <Breadcrumbs
    items={[
      { text: 'Your work', href: '/' },
      { text: 'Subject-access exports', href: '/subject-access' },
    ]}
  />
);

/** What a reference never says (docs/kcsie.md, "The reference check"): the page says it whatever the person's record holds. */
function NeverIncluded() {
  return (
    <InsetText>
      <p className="govuk-body">A reference never includes, and this check never shows:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>an allegation found malicious, false, unsubstantiated or unfounded (Keeping Children Safe in Education, Part 4), or not substantiated;</li>
        <li>a spent warning: one that has expired;</li>
        <li>anything of a case still open, withdrawn on appeal, or erased under the retention policy (§13).</li>
      </ul>
    </InsetText>
  );
}

/**
 * /staff/:id/reference-check — what may be said in a reference about a member of staff (GET
 * /staff/:id/reference-check, hr and the headteacher): substantiated findings of concluded
 * safeguarding cases, and warnings in force. The API decides all of it; nobody checks themselves
 * (409 own_reference_check, shown in the API's words).
 */
export function ReferenceCheckPage({ id }: { id: string }) {
  const loaded = useLoad(() => api.GET('/staff/{id}/reference-check', { params: { path: { id } } }), [id]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    if (loaded.problem.status !== 409) return <ProblemPage problem={loaded.problem} />;
    return (
      <Page title="Reference check" before={crumbs}>
        <div data-testid="refusal">
          <WarningText>{loaded.problem.detail}</WarningText>
        </div>
        <NeverIncluded />
      </Page>
    );
  }
  const check = loaded.data;
  const { staff } = check;
  return (
    <Page
      title="Reference check"
      caption={staff.jobTitle ? `${staff.name}, ${staff.jobTitle}` : staff.name}
      heading={`Reference check: ${staff.name}`}
      before={crumbs}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            What may be said about {staff.name} in a reference, as the records stand on {formatDateTime(check.checkedAt)}. This check is recorded in the audit
            log.
          </p>
          <NeverIncluded />
        </div>
      </div>
      <h2 className="govuk-heading-m">Substantiated safeguarding findings</h2>
      {check.substantiatedSafeguardingFindings.length ? (
        <Table
          caption="Substantiated findings of concluded safeguarding cases"
          captionSize="s"
          rows={check.substantiatedSafeguardingFindings}
          rowKey={(f) => f.allegationId}
          columns={[
            { header: 'Case', cell: (f) => <Link href={`/cases/${f.caseId}`}>{f.reference}</Link> },
            { header: 'Allegation', cell: (f) => f.summary },
            { header: 'Finding', cell: (f) => FINDING_NAMES[f.finding] ?? f.finding },
            { header: 'Recorded', cell: (f) => formatDate(f.recordedAt) },
          ]}
        />
      ) : (
        <p className="govuk-body" data-testid="no-findings">
          None: no substantiated finding of a concluded safeguarding case.
        </p>
      )}
      <h2 className="govuk-heading-m">Warnings in force</h2>
      {check.liveWarnings.length ? (
        <Table
          caption="Warnings that have not expired"
          captionSize="s"
          rows={check.liveWarnings}
          rowKey={(w) => w.caseId}
          columns={[
            { header: 'Case', cell: (w) => <Link href={`/cases/${w.caseId}`}>{w.reference}</Link> },
            { header: 'Warning', cell: (w) => SANCTION_NAMES[w.sanction] ?? w.sanction },
            { header: 'Decided', cell: (w) => formatDate(w.decidedAt) },
            { header: 'Expires', cell: (w) => formatDate(w.expiresAt) },
          ]}
        />
      ) : (
        <p className="govuk-body" data-testid="no-warnings">
          None: no warning in force.
        </p>
      )}
    </Page>
  );
}
