import { ButtonLink, Link, Table, Tag } from '../../components';
import { Page } from '../../lib/page';
import { CaseScreen, EVIDENCE_KINDS, formatDateTime, InvestigationBreadcrumbs, SENSITIVITIES, type CaseView, type Evidence } from './common';

/**
 * /cases/:id/investigation/evidence — the case's evidence (each item links to its page: hash,
 * custody, download), and the way to add more.
 */
export function EvidenceListPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view) => <EvidenceList view={view} />}</CaseScreen>;
}

function EvidenceList({ view }: { view: CaseView }) {
  return (
    <Page title={`Evidence – Case ${view.reference}`} caption={`Case ${view.reference}`} heading="Evidence" before={<InvestigationBreadcrumbs view={view} />}>
      <p className="govuk-body">
        Evidence is never changed once added: each item keeps its SHA-256, and every view, download and hand-over is recorded in its chain of custody.
      </p>
      <ButtonLink href={`/cases/${view.id}/investigation/evidence/new`}>Add evidence</ButtonLink>
      {view.evidence.length ? (
        <EvidenceTable caseId={view.id} items={view.evidence} caption="Evidence of this case" />
      ) : (
        <p className="govuk-body">No evidence has been added yet.</p>
      )}
    </Page>
  );
}

/** The items, each linking to its own page. */
export function EvidenceTable({ caseId, items, caption }: { caseId: string; items: Evidence[]; caption: string }) {
  return (
    <Table<Evidence>
      caption={caption}
      rows={items}
      rowKey={(item) => item.id}
      columns={[
        {
          header: 'Item',
          cell: (item) => (
            <>
              <Link href={`/cases/${caseId}/evidence/${item.id}`}>{EVIDENCE_KINDS[item.kind]?.name ?? item.kind}</Link>
              <br />
              {item.withheld ? <span className="govuk-hint">Withheld: special category data</span> : item.description}
            </>
          ),
        },
        { header: 'Captured', cell: (item) => formatDateTime(item.capturedAt) },
        {
          header: 'Sensitivity',
          cell: (item) => (
            <Tag colour={item.sensitivity === 'special_category' ? 'purple' : 'grey'}>{SENSITIVITIES[item.sensitivity]?.name ?? item.sensitivity}</Tag>
          ),
        },
        {
          header: 'SHA-256',
          cell: (item) => <code title={item.sha256}>{item.sha256.slice(0, 12)}…</code>,
        },
      ]}
    />
  );
}
