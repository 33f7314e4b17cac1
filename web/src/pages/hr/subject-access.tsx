import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'wouter';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import {
  BackLink,
  Button,
  ButtonGroup,
  ErrorSummary,
  InsetText,
  Link,
  NotificationBanner,
  SummaryList,
  Table,
  Tag,
  WarningText,
  type SummaryRow,
} from '../../components';
import { formatDateTime, ROLE_NAMES, STATUS_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { NotFoundPage } from '../not-found';
import { ProblemPage } from '../problem';
import { saveFile } from './download';
import { Hash } from '../../lib/hash';
import {
  APPEAL_RESULT_NAMES,
  CAPACITY_NAMES,
  EVIDENCE_KIND_NAMES,
  FINDING_NAMES,
  NOTICE_METHOD_NAMES,
  PLATFORM_NAMES,
  SANCTION_NAMES,
  SENSITIVITY_NAMES,
} from './words';

type Export = components['schemas']['SubjectAccessExportResponse'];
type SarCase = components['schemas']['SarCase'];
type SarTombstone = components['schemas']['SarCaseTombstone'];
type AuditEvent = components['schemas']['SarAuditEvent'];

const withheld = (what: string) => <span className="govuk-hint govuk-!-margin-bottom-0">Withheld: {what}</span>;

/**
 * A subject-access export (UK GDPR Art. 15, §13): GET /staff/:id/subject-access-export, shown and
 * saved as JSON. The API decides what it holds (the cases this reader may see; a witness's own
 * statements only) and who may run it: nobody runs their own (409), which the page explains.
 * `?include=special` asks for special-category content on purpose (a headteacher); a refusal is
 * shown above the export without it.
 */
export function SubjectAccessPage({ id }: { id: string }) {
  const [params] = useSearchParams();
  return <ExportLoader id={id} includeSpecial={params.get('include') === 'special'} />;
}

function ExportLoader({ id, includeSpecial, refusal }: { id: string; includeSpecial: boolean; refusal?: string }) {
  const loaded = useLoad(
    () => api.GET('/staff/{id}/subject-access-export', { params: { path: { id }, query: includeSpecial ? { include: 'special' } : {} } }),
    [id, includeSpecial],
  );
  if (loaded.state === 'loading') {
    return (
      <p className="govuk-body" role="status">
        Running the export…
      </p>
    );
  }
  if (loaded.state === 'failed') {
    const { problem } = loaded;
    if (includeSpecial && problem.status === 403) return <ExportLoader id={id} includeSpecial={false} refusal={problem.detail} />;
    if (problem.status === 404) return <NotFoundPage />;
    if (problem.status === 409 || problem.status === 403) {
      return (
        <Page title="You cannot run this export" before={<BackLink href="/subject-access">Find someone else</BackLink>}>
          <p className="govuk-body" data-testid="refusal">
            {problem.detail}
          </p>
          <p className="govuk-body">
            <Link href="/">Go to your work</Link>
          </p>
        </Page>
      );
    }
    return <ProblemPage problem={problem} />;
  }
  return <ExportView id={id} data={loaded.data} includeSpecial={includeSpecial && !refusal} refusal={refusal} />;
}

function ExportView({ id, data, includeSpecial, refusal }: { id: string; data: Export; includeSpecial: boolean; refusal?: string }) {
  const refusals = useMemo(() => (refusal ? [{ text: refusal }] : []), [refusal]);
  const specialWithheld = data.cases.reduce((sum, c) => sum + (c.erased ? 0 : c.evidence.withheldSpecialCategory), 0);
  const download = () => {
    const name = `subject-access-export-${data.generatedAt.slice(0, 10)}.json`;
    saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), name);
  };
  return (
    <Page title="Subject-access export" caption={data.staff.name} before={<BackLink href="/subject-access">Find someone else</BackLink>}>
      <ErrorSummary errors={refusals} title="Special-category content was not included" />
      {data.specialCategoryIncluded && (
        <NotificationBanner heading="This export includes special-category content">
          <p className="govuk-body">You asked for it on purpose; the export is recorded in the audit log.</p>
        </NotificationBanner>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Everything the school holds about {data.staff.name} that you may see, made {formatDateTime(data.generatedAt)}. Running it has been recorded in the
            audit log.
          </p>
          <InsetText>
            A case you may not see is neither shown nor counted here. A complete export is run by someone who is not a party to the person’s cases.
          </InsetText>
          <ButtonGroup>
            <Button type="button" onClick={download}>
              Download as JSON
            </Button>
          </ButtonGroup>
          {specialWithheld > 0 && !includeSpecial && (
            <p className="govuk-body">
              {specialWithheld === 1 ? '1 item of special-category evidence is' : `${specialWithheld} items of special-category evidence are`} listed without
              content (§13). <Link href={`/staff/${id}/subject-access?include=special`}>Run the export with special-category content</Link>
            </p>
          )}
        </div>
      </div>

      <h2 className="govuk-heading-m">Staff record</h2>
      <SummaryList
        rows={[
          { key: 'Name', value: data.staff.name },
          { key: 'E-mail address', value: data.staff.email ?? 'None' },
          { key: 'Job title', value: data.staff.jobTitle ?? 'None' },
          { key: 'Added to the directory', value: formatDateTime(data.staff.createdAt) },
        ]}
      />

      <h2 className="govuk-heading-m">User account</h2>
      {data.userAccount ? (
        <SummaryList
          rows={[
            { key: 'E-mail address', value: data.userAccount.email },
            { key: 'Name', value: data.userAccount.name },
            { key: 'Roles', value: data.userAccount.roles.map((role) => ROLE_NAMES[role] ?? role).join(', ') },
            { key: 'Account', value: data.userAccount.active ? 'Active' : 'Deactivated' },
            { key: 'Created', value: formatDateTime(data.userAccount.createdAt) },
            { key: 'Last changed', value: formatDateTime(data.userAccount.updatedAt) },
          ]}
        />
      ) : (
        <p className="govuk-body">They have no user account.</p>
      )}

      <h2 className="govuk-heading-m">Cases</h2>
      {data.cases.length ? (
        data.cases.map((c) => (c.erased ? <TombstoneCase key={c.reference} item={c} /> : <CaseSection key={c.caseId} item={c} />))
      ) : (
        <p className="govuk-body">They are not named in any case you may see.</p>
      )}

      <h2 className="govuk-heading-m">What their account did</h2>
      {data.auditEvents.length ? (
        <Table<AuditEvent>
          caption="Audit events performed with their login, oldest first"
          captionSize="s"
          rows={data.auditEvents}
          rowKey={(event) => String(event.seq)}
          columns={[
            { header: 'When', cell: (event) => formatDateTime(event.occurredAt) },
            { header: 'Action', cell: (event) => <code>{event.action}</code> },
            { header: 'Acting as', cell: (event) => (event.actorRole ? (ROLE_NAMES[event.actorRole] ?? event.actorRole) : 'None') },
            { header: 'Reason', cell: (event) => event.reason ?? '' },
          ]}
        />
      ) : (
        <p className="govuk-body">No audit events you may read.</p>
      )}
    </Page>
  );
}

const capacities = (list: ('subject' | 'reporter' | 'witness')[]) => list.map((c) => CAPACITY_NAMES[c]).join(', ');

/** A case in the export: its reference as a heading, how the person is named in it, its status, then `rows`. */
function CaseRows({
  id,
  item,
  rows,
  children,
}: {
  id: string;
  item: { reference: string; capacities: ('subject' | 'reporter' | 'witness')[]; status: string };
  rows: SummaryRow[];
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 className="govuk-heading-s" id={id}>
        Case {item.reference}
      </h3>
      <SummaryList
        rows={[
          { key: 'Named as', value: capacities(item.capacities) },
          { key: 'Status', value: <Tag>{STATUS_NAMES[item.status] ?? item.status}</Tag> },
          ...rows,
        ]}
      />
      {children}
    </section>
  );
}

function TombstoneCase({ item }: { item: SarTombstone }) {
  return (
    <CaseRows
      id={`case-${item.reference}`}
      item={item}
      rows={[
        { key: 'Content', value: `Erased on ${formatDateTime(item.erasedAt)} under the retention rules (§13)` },
        {
          key: 'Outcome',
          value: item.outcomeCategory ? (SANCTION_NAMES[item.outcomeCategory as keyof typeof SANCTION_NAMES] ?? item.outcomeCategory) : 'None',
        },
      ]}
    />
  );
}

function CaseSection({ item }: { item: SarCase }) {
  return (
    <CaseRows
      id={`case-${item.caseId}`}
      item={item}
      rows={[
        { key: 'Reported', value: formatDateTime(item.dates.reportedAt) },
        ...(item.dates.closedAt ? [{ key: 'Closed', value: formatDateTime(item.dates.closedAt) }] : []),
        ...item.reports.map((report, i) => ({
          key: item.reports.length > 1 ? `Report ${i + 1}` : 'Report',
          value: (
            <>
              {PLATFORM_NAMES[report.platform] ?? report.platform}, seen {formatDateTime(report.observedAt)}:{' '}
              {report.withheld ? withheld('the reporter’s statement') : report.description}
            </>
          ),
        })),
        ...item.allegations.map((allegation, i) => ({
          key: `Allegation ${i + 1}`,
          value: (
            <>
              {allegation.clause && <span className="govuk-body-s govuk-!-display-block">{allegation.clause.title}</span>}
              {allegation.summary}
              {allegation.finding && (
                <span className="govuk-!-display-block">
                  Finding: {FINDING_NAMES[allegation.finding.finding] ?? allegation.finding.finding}
                  {allegation.finding.reasoning ? `. ${allegation.finding.reasoning}` : ''}
                </span>
              )}
            </>
          ),
        })),
        ...item.subjectNotifications.map((notice, i) => ({
          key: item.subjectNotifications.length > 1 ? `Written notice ${i + 1}` : 'Written notice',
          value: `${NOTICE_METHOD_NAMES[notice.method]}, ${formatDateTime(notice.sentAt)} (${notice.allegations === 1 ? '1 allegation' : `${notice.allegations} allegations`})`,
        })),
        ...item.subjectResponses.map((response, i) => ({
          key: item.subjectResponses.length > 1 ? `Response ${i + 1}` : 'Response',
          value: response.withheld ? withheld('the subject’s response') : response.refusedToRespond ? 'Declined to respond' : response.response,
        })),
        ...item.interviews.map((interview, i) => ({
          key: item.interviews.length > 1 ? `Interview ${i + 1}` : 'Interview',
          value: (
            <>
              As {CAPACITY_NAMES[interview.capacity].toLowerCase()}, {formatDateTime(interview.heldAt)}
              {interview.accompaniedBy ? `, accompanied by ${interview.accompaniedBy}` : ''}:{' '}
              {interview.withheld ? withheld('not for this reader') : interview.statement}
            </>
          ),
        })),
        ...(item.outcome
          ? [
              {
                key: 'Outcome',
                value: `${SANCTION_NAMES[item.outcome.sanction]}, decided ${formatDateTime(item.outcome.decidedAt)}${item.outcome.rationale ? `. ${item.outcome.rationale}` : ''}`,
              },
            ]
          : []),
        ...(item.appeal
          ? [
              {
                key: 'Appeal',
                value: `Lodged ${formatDateTime(item.appeal.lodgedAt)}; ${item.appeal.result ? APPEAL_RESULT_NAMES[item.appeal.result] : 'not yet decided'}`,
              },
            ]
          : []),
        ...(item.sanctionInForce ? [{ key: 'Sanction in force', value: SANCTION_NAMES[item.sanctionInForce] }] : []),
      ]}
    >
      {item.evidence.items.length > 0 && (
        <>
          {item.evidence.withheldSpecialCategory > 0 && <WarningText>Special-category evidence is listed without its content (§13).</WarningText>}
          <Table
            caption={`Evidence in case ${item.reference}`}
            captionSize="s"
            rows={item.evidence.items}
            rowKey={(e) => e.id}
            columns={[
              { header: 'Kind', cell: (e) => EVIDENCE_KIND_NAMES[e.kind] },
              { header: 'Description', cell: (e) => (e.withheld ? withheld(SENSITIVITY_NAMES[e.sensitivity].toLowerCase()) : e.description) },
              { header: 'Captured', cell: (e) => formatDateTime(e.capturedAt) },
              { header: 'SHA-256', cell: (e) => <Hash value={e.sha256} /> },
            ]}
          />
        </>
      )}
    </CaseRows>
  );
}
