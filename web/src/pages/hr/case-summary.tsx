import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'wouter';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Breadcrumbs, Button, ButtonGroup, ErrorSummary, InsetText, Link, NotificationBanner, SummaryList, Table, Tag, WarningText } from '../../components';
import { formatDateTime, ROLE_NAMES, STATUS_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { ProblemPage } from '../problem';
import { useDownload } from './download';
import { Hash } from '../../lib/hash';
import { APPEAL_RESULT_NAMES, EVIDENCE_KIND_NAMES, FINDING_NAMES, formatBytes, PLATFORM_NAMES, SANCTION_NAMES, SENSITIVITY_NAMES, TRIAGE_NAMES } from './words';
import { Loading } from '../../lib/loaded';

type Summary = components['schemas']['CaseSummaryResponse'];
type Tombstone = components['schemas']['CaseTombstoneResponse'];
type EvidenceItem = components['schemas']['SummaryEvidenceItem'];
type Dates = components['schemas']['SummaryDates'];

const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : 'Not yet');
const withheld = (what: string) => <span className="govuk-hint govuk-!-margin-bottom-0">Withheld: {what}</span>;

/**
 * The HR case summary (GET /cases/:id/summary), on screen, with its PDF (GET …/summary.pdf). What
 * the API withholds from this reader (special-category evidence, other people's statements for a
 * reporter or witness) is said to be withheld. `?include=special` asks the API for special-category
 * content on purpose (the headteacher, audited): when it refuses, its words are shown above the
 * summary without it.
 */
export function CaseSummaryPage({ id }: { id: string }) {
  const [params] = useSearchParams();
  return <SummaryLoader id={id} includeSpecial={params.get('include') === 'special'} />;
}

function SummaryLoader({ id, includeSpecial, refusal }: { id: string; includeSpecial: boolean; refusal?: string }) {
  const loaded = useLoad(
    () => api.GET('/cases/{id}/summary', { params: { path: { id }, query: includeSpecial ? { include: 'special' } : {} } }),
    [id, includeSpecial],
  );
  if (loaded.state === 'loading') {
    return <Loading />;
  }
  if (loaded.state === 'failed') {
    // asked for special-category content and refused: the summary without it, and why
    if (includeSpecial && loaded.problem.status === 403) return <SummaryLoader id={id} includeSpecial={false} refusal={loaded.problem.detail} />;
    return <ProblemPage problem={loaded.problem} />;
  }
  const summary = loaded.data;
  return summary.erased ? (
    <TombstoneView id={id} tombstone={summary} />
  ) : (
    <SummaryView id={id} summary={summary} includeSpecial={includeSpecial} refusal={refusal} />
  );
}

function Frame({ id, reference, refusal, children }: { id: string; reference: string; refusal?: string; children: ReactNode }) {
  const refusals = useMemo(() => (refusal ? [{ text: refusal }] : []), [refusal]);
  return (
    <Page
      title={`Summary of case ${reference}`}
      caption={`Case ${reference}`}
      heading="HR case summary"
      before={
        <Breadcrumbs
          items={[
            { text: 'Your work', href: '/' },
            { text: `Case ${reference}`, href: `/cases/${id}` },
          ]}
        />
      }
    >
      <ErrorSummary errors={refusals} title="Special-category content was not included" />
      {children}
    </Page>
  );
}

function PdfDownload({ id, includeSpecial, reference }: { id: string; includeSpecial: boolean; reference: string }) {
  const download = useDownload();
  const get = () => api.GET('/cases/{id}/summary.pdf', { params: { path: { id }, query: includeSpecial ? { include: 'special' } : {} }, parseAs: 'blob' });
  return (
    <>
      {download.status.state === 'failed' && <ErrorSummary errors={[{ text: download.status.problem.detail }]} title="The PDF could not be made" />}
      <ButtonGroup>
        <Button
          type="button"
          variant="secondary"
          disabled={download.status.state === 'busy'}
          onClick={() => void download.start(get, `${reference}-summary.pdf`)}
        >
          Download PDF
        </Button>
      </ButtonGroup>
      <p className="govuk-body" role="status">
        {download.status.state === 'busy' && 'Making the PDF…'}
        {download.status.state === 'done' && `Downloaded ${download.status.name}.`}
      </p>
    </>
  );
}

function DatesList({ dates, generatedAt }: { dates: Dates; generatedAt?: string }) {
  return (
    <SummaryList
      rows={[
        { key: 'Reported', value: formatDateTime(dates.reportedAt) },
        { key: 'Triaged', value: when(dates.triagedAt) },
        { key: 'Investigation report submitted', value: when(dates.reportSubmittedAt) },
        { key: 'Outcome decided', value: when(dates.decidedAt) },
        { key: 'Closed', value: when(dates.closedAt) },
        ...(generatedAt ? [{ key: 'Summary made', value: formatDateTime(generatedAt) }] : []),
      ]}
    />
  );
}

function TombstoneView({ id, tombstone }: { id: string; tombstone: Tombstone }) {
  return (
    <Frame id={id} reference={tombstone.reference}>
      <InsetText>
        This case’s content was erased on {formatDateTime(tombstone.erasedAt)} under the retention rules (§13). Only this record of it remains.
      </InsetText>
      <SummaryList
        rows={[
          { key: 'Reference', value: tombstone.reference },
          { key: 'Status', value: <Tag>{STATUS_NAMES[tombstone.status] ?? tombstone.status}</Tag> },
          {
            key: 'Outcome',
            value: tombstone.outcomeCategory ? (SANCTION_NAMES[tombstone.outcomeCategory as keyof typeof SANCTION_NAMES] ?? tombstone.outcomeCategory) : 'None',
          },
        ]}
      />
      <h2 className="govuk-heading-m">Dates</h2>
      <DatesList dates={tombstone.dates} />
      <PdfDownload id={id} includeSpecial={false} reference={tombstone.reference} />
    </Frame>
  );
}

function SummaryView({ id, summary, includeSpecial, refusal }: { id: string; summary: Summary; includeSpecial: boolean; refusal?: string }) {
  const { evidence } = summary;
  return (
    <Frame id={id} reference={summary.reference} refusal={refusal}>
      {summary.evidence.specialCategoryIncluded && (
        <NotificationBanner heading="This summary includes special-category content">
          <p className="govuk-body">You asked for it on purpose; the read is recorded in the audit log. Share it only with those who must see it (§13).</p>
        </NotificationBanner>
      )}
      <PdfDownload id={id} includeSpecial={includeSpecial && !refusal} reference={summary.reference} />

      <SummaryList
        rows={[
          { key: 'School', value: summary.school },
          { key: 'Reference', value: summary.reference },
          { key: 'Status', value: <Tag>{STATUS_NAMES[summary.status] ?? summary.status}</Tag> },
          { key: 'Safeguarding matter (§5)', value: summary.safeguarding ? 'Yes' : 'No' },
          {
            key: 'Subject',
            value: summary.subjects.length ? (
              <ul className="govuk-list">
                {summary.subjects.map((person, i) => (
                  <li key={i}>
                    {person.name ?? 'Name erased'}
                    {person.jobTitle && `, ${person.jobTitle}`}
                  </li>
                ))}
              </ul>
            ) : (
              'None recorded'
            ),
          },
          { key: 'Sanction in force', value: summary.sanctionInForce ? SANCTION_NAMES[summary.sanctionInForce] : 'None' },
        ]}
      />

      <h2 className="govuk-heading-m">Dates</h2>
      <DatesList dates={summary.dates} generatedAt={summary.generatedAt} />

      <h2 className="govuk-heading-m">{summary.reports.length === 1 ? 'Report' : 'Reports'}</h2>
      {summary.reports.map((report, i) => (
        <div key={i}>
          <SummaryList
            rows={[
              {
                key: 'Platform (§2)',
                value: report.platform === 'other' && report.platformOther ? report.platformOther : (PLATFORM_NAMES[report.platform] ?? report.platform),
              },
              { key: 'Seen', value: formatDateTime(report.observedAt) },
              {
                key: 'What was seen',
                value: report.withheld ? withheld('the reporter’s statement, which a witness of the case does not read') : (report.description ?? ''),
              },
              ...(report.url ? [{ key: 'Address', value: <span className="govuk-!-text-break-word">{report.url}</span> }] : []),
              { key: 'Category (Appendix A)', value: report.category.title },
              {
                key: 'Standards (§7, §8)',
                value: report.policyStandards.length ? (
                  <ul className="govuk-list">
                    {report.policyStandards.map((clause) => (
                      <li key={clause.code}>{clause.title}</li>
                    ))}
                  </ul>
                ) : (
                  'None named'
                ),
              },
            ]}
          />
        </div>
      ))}

      {summary.triage && (
        <>
          <h2 className="govuk-heading-m">Triage</h2>
          <SummaryList
            rows={[
              { key: 'Decision', value: TRIAGE_NAMES[summary.triage.decision] },
              { key: 'Reasons', value: summary.triage.rationale ?? 'Not recorded' },
              { key: 'Decided', value: formatDateTime(summary.triage.triagedAt) },
            ]}
          />
        </>
      )}

      <h2 className="govuk-heading-m">Allegations and findings</h2>
      {summary.allegations.length ? (
        summary.allegations.map((allegation, i) => (
          <section key={i} aria-labelledby={`allegation-${i}`}>
            <h3 className="govuk-heading-s" id={`allegation-${i}`}>
              Allegation {i + 1}
            </h3>
            {allegation.clause && (
              <InsetText>
                <p className="govuk-body govuk-!-margin-bottom-0">{allegation.clause.title}</p>
              </InsetText>
            )}
            <SummaryList
              rows={[
                { key: 'Allegation', value: allegation.summary },
                { key: 'Finding', value: allegation.finding ? (FINDING_NAMES[allegation.finding.finding] ?? allegation.finding.finding) : 'No finding yet' },
                ...(allegation.finding
                  ? [
                      { key: 'Reasoning', value: allegation.finding.reasoning ?? 'Not recorded' },
                      ...(allegation.finding.recordedAt ? [{ key: 'Finding recorded', value: formatDateTime(allegation.finding.recordedAt) }] : []),
                    ]
                  : []),
              ]}
            />
          </section>
        ))
      ) : (
        <p className="govuk-body">No allegations have been recorded.</p>
      )}

      <h2 className="govuk-heading-m">The subject’s response</h2>
      {summary.subjectResponses.length ? (
        summary.subjectResponses.map((response, i) => (
          <SummaryList
            key={i}
            rows={[
              { key: 'Received', value: formatDateTime(response.receivedAt) },
              {
                key: 'Response',
                value: response.withheld
                  ? withheld('a reporter or witness of the case does not read the subject’s response')
                  : response.refusedToRespond
                    ? 'The subject declined to respond'
                    : (response.response ?? ''),
              },
            ]}
          />
        ))
      ) : (
        <p className="govuk-body">No response has been recorded.</p>
      )}

      {summary.investigationReport && (
        <>
          <h2 className="govuk-heading-m">Investigation report</h2>
          <SummaryList
            rows={[
              { key: 'Submitted', value: formatDateTime(summary.investigationReport.submittedAt) },
              {
                key: 'Summary',
                value: summary.investigationReport.withheld
                  ? withheld('a reporter or witness of the case does not read the investigation report')
                  : (summary.investigationReport.summary ?? ''),
              },
            ]}
          />
        </>
      )}

      <h2 className="govuk-heading-m">Outcome (§12)</h2>
      {summary.outcome ? (
        <SummaryList
          rows={[
            { key: 'Sanction', value: SANCTION_NAMES[summary.outcome.sanction] },
            { key: 'Gross misconduct', value: summary.outcome.grossMisconduct ? 'Yes' : 'No' },
            { key: 'Reasons', value: summary.outcome.rationale ?? 'Not recorded' },
            { key: 'Decided', value: formatDateTime(summary.outcome.decidedAt) },
            { key: 'Decided by', value: ROLE_NAMES[summary.outcome.decidedByRole] ?? summary.outcome.decidedByRole },
            { key: 'Given in writing', value: when(summary.outcome.communicatedAt) },
            ...(summary.outcome.warningExpiresAt ? [{ key: 'Warning expires', value: formatDateTime(summary.outcome.warningExpiresAt) }] : []),
            { key: 'Appeal deadline', value: summary.outcome.appealDeadline ? formatDateTime(summary.outcome.appealDeadline) : 'None' },
            ...(summary.outcome.separationWaiverReason
              ? [{ key: 'Why the investigating manager also decided', value: summary.outcome.separationWaiverReason }]
              : []),
          ]}
        />
      ) : (
        <p className="govuk-body">No outcome has been decided.</p>
      )}

      <h2 className="govuk-heading-m">Appeal</h2>
      {summary.appeal ? (
        <SummaryList
          rows={[
            { key: 'Lodged', value: formatDateTime(summary.appeal.lodgedAt) },
            { key: 'Grounds', value: summary.appeal.grounds ?? 'Not recorded' },
            { key: 'Result', value: summary.appeal.result ? APPEAL_RESULT_NAMES[summary.appeal.result] : 'Not yet decided' },
            ...(summary.appeal.result
              ? [
                  { key: 'Reasons', value: summary.appeal.rationale ?? 'Not recorded' },
                  ...(summary.appeal.newSanction ? [{ key: 'New sanction', value: SANCTION_NAMES[summary.appeal.newSanction] }] : []),
                  ...(summary.appeal.newWarningExpiresAt ? [{ key: 'New warning expires', value: formatDateTime(summary.appeal.newWarningExpiresAt) }] : []),
                  { key: 'Decided', value: when(summary.appeal.decidedAt) },
                  ...(summary.appeal.decidedByRole
                    ? [{ key: 'Heard by', value: ROLE_NAMES[summary.appeal.decidedByRole] ?? summary.appeal.decidedByRole }]
                    : []),
                ]
              : []),
          ]}
        />
      ) : (
        <p className="govuk-body">No appeal has been lodged.</p>
      )}

      <h2 className="govuk-heading-m">Evidence</h2>
      {evidence.withheldSpecialCategory > 0 && (
        <>
          <WarningText>
            {evidence.withheldSpecialCategory === 1
              ? '1 item of special-category evidence is listed without its content (§13).'
              : `${evidence.withheldSpecialCategory} items of special-category evidence are listed without their content (§13).`}
          </WarningText>
          {!includeSpecial && (
            <p className="govuk-body">
              Special-category content is included only on purpose, by someone who may read it, and the read is recorded.{' '}
              <Link href={`/cases/${id}/summary?include=special`}>Show the summary with special-category content</Link>
            </p>
          )}
        </>
      )}
      {evidence.items.length ? (
        <Table<EvidenceItem>
          caption="Evidence items, with their SHA-256 hashes"
          captionSize="s"
          rows={evidence.items}
          rowKey={(item) => item.id}
          columns={[
            { header: 'Kind', cell: (item) => EVIDENCE_KIND_NAMES[item.kind] },
            {
              header: 'Description',
              cell: (item) =>
                item.withheld
                  ? withheld(item.sensitivity === 'special_category' ? 'special category data (§13)' : 'not for this reader')
                  : (item.description ?? ''),
            },
            { header: 'Captured', cell: (item) => formatDateTime(item.capturedAt) },
            { header: 'Data', cell: (item) => SENSITIVITY_NAMES[item.sensitivity] },
            { header: 'File', cell: (item) => (item.size === null ? 'Withheld' : `${item.mediaType ?? 'Unknown type'}, ${formatBytes(item.size)}`) },
            { header: 'SHA-256', cell: (item) => <Hash value={item.sha256} /> },
          ]}
        />
      ) : (
        <p className="govuk-body">No evidence has been recorded.</p>
      )}
    </Frame>
  );
}
