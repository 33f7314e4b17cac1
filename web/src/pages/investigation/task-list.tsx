import { Breadcrumbs, ButtonLink, Link, SummaryList, Table, Tag, TaskList, type Task } from '../../components';
import { ROLE_NAMES, STATUS_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import {
  CaseScreen,
  choiceOf,
  DoneBanner,
  formatDate,
  formatDateTime,
  MONITORING_STATUSES,
  periodText,
  usePolicy,
  type CaseView,
  type Monitoring,
  type SubmissionStep,
} from './common';

/**
 * /cases/:id/investigation — the investigating manager's case as a GOV.UK task list: allegations →
 * evidence → facts → meetings arranged → interviews → written notice → response → findings → submit. Each step's status
 * is what the case holds and what the API says it lacks (guidance.submission.missing, in the API's
 * words); nothing here decides what is enough. Then the case's monitoring requests (§9, §11).
 */
export function InvestigationPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view) => <TaskListView view={view} />}</CaseScreen>;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function TaskListView({ view }: { view: CaseView }) {
  const policy = usePolicy();
  const base = `/cases/${view.id}/investigation`;
  const guidance = view.guidance;
  const missing = guidance?.submission.missing ?? [];
  const open = view.status === 'investigation';
  /** A step's status: what the API says it lacks, else done when something is recorded, else not started. */
  const status = (step: SubmissionStep | null, count: number, counted: string, optional = false): Pick<Task, 'status' | 'hint'> => {
    const lacking = step ? missing.filter((m) => m.step === step) : [];
    if (lacking.length) {
      return {
        status: { tag: { text: 'Incomplete', colour: 'blue' } },
        hint: (
          <>
            {count > 0 && `${counted}. `}
            Missing: {lacking.map((m) => m.description).join('; ')}.
          </>
        ),
      };
    }
    if (count > 0) return { status: { text: 'Completed' }, hint: counted };
    return { status: { tag: { text: 'Not yet started', colour: 'blue' } }, hint: optional ? 'Optional: as the investigation needs.' : undefined };
  };
  const findings = view.allegations.filter((a) => a.finding).length;
  const submitted = view.investigationReport;
  const tasks: Task[] = [
    {
      title: 'Allegations',
      href: `${base}/allegations`,
      ...status('allegations', view.allegations.length, plural(view.allegations.length, 'allegation', 'allegations')),
    },
    { title: 'Evidence', href: `${base}/evidence`, ...status(null, view.evidence.length, plural(view.evidence.length, 'item', 'items'), true) },
    { title: 'Facts', href: `${base}/facts`, ...status(null, view.facts.length, plural(view.facts.length, 'fact', 'facts'), true) },
    {
      title: 'Arrange a meeting',
      href: `${base}/meetings`,
      ...status(null, view.investigationMeetings.length, plural(view.investigationMeetings.length, 'meeting arranged', 'meetings arranged'), true),
    },
    {
      title: 'Interviews',
      href: `${base}/interviews`,
      ...status(null, view.interviews.length, plural(view.interviews.length, 'interview', 'interviews'), true),
    },
    {
      title: 'Written notice to the subject',
      href: `${base}/notice`,
      ...status('notice', view.subjectNotifications.length, plural(view.subjectNotifications.length, 'notice sent', 'notices sent')),
    },
    {
      title: 'The subject’s response',
      href: `${base}/response`,
      ...status('response', view.subjectResponses.length, plural(view.subjectResponses.length, 'response recorded', 'responses recorded')),
    },
    {
      title: 'Findings',
      href: `${base}/findings`,
      ...status('findings', findings, `${findings} of ${plural(view.allegations.length, 'allegation', 'allegations')} found`),
    },
    {
      title: 'Submit the investigation report',
      href: `${base}/submit`,
      ...(submitted
        ? { status: { text: 'Completed' }, hint: `Submitted on ${formatDateTime(submitted.submittedAt)}` }
        : guidance?.submission.ready
          ? { status: { tag: { text: 'Ready to submit', colour: 'green' } } }
          : {
              status: { text: 'Cannot submit yet' },
              hint: missing.length ? `${plural(missing.length, 'thing is', 'things are')} missing (above).` : undefined,
            }),
    },
  ];
  return (
    <Page
      title={`Investigation – Case ${view.reference}`}
      caption={`Case ${view.reference}`}
      heading="Investigation"
      before={<InvestigationCrumbs view={view} />}
    >
      <DoneBanner />
      <SummaryList
        rows={[
          { key: 'Status', value: <Tag>{STATUS_NAMES[view.status] ?? view.status}</Tag> },
          { key: 'About', value: view.subjects.map((s) => s.name ?? 'A member of staff').join(', ') || 'Not shown' },
          ...(guidance
            ? [
                {
                  key: 'Next step',
                  value: (
                    <>
                      {guidance.nextStep.description}
                      {guidance.nextStep.by && (
                        <>
                          {' '}
                          <span className="govuk-hint govuk-!-display-inline">({ROLE_NAMES[guidance.nextStep.by] ?? guidance.nextStep.by})</span>
                        </>
                      )}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {!open && !submitted && (
        <p className="govuk-body">The investigation is not open: the case is {(STATUS_NAMES[view.status] ?? view.status).toLowerCase()}.</p>
      )}
      <h2 className="govuk-heading-m">Establish the facts (§4)</h2>
      <TaskList tasks={tasks} idPrefix="investigation" />
      <h2 className="govuk-heading-m" id="monitoring">
        Monitoring (§9, §11)
      </h2>
      {view.monitoring.length ? (
        <Table<Monitoring>
          caption="Monitoring requests"
          captionSize="s"
          rows={view.monitoring}
          rowKey={(m) => m.id}
          columns={[
            {
              header: 'Scope and reason',
              cell: (m) => (
                <>
                  {choiceOf(policy?.monitoringScopes, m.scope)?.label ?? m.scope}
                  <br />
                  <span className="govuk-hint">{choiceOf(policy?.monitoringReasons, m.reason)?.label ?? m.reason}</span>
                </>
              ),
            },
            { header: 'Period', cell: (m) => periodText(m.periodFrom, m.periodTo) },
            { header: 'Expires', cell: (m) => (m.expired ? `Expired on ${formatDate(m.expiresAt)}` : formatDate(m.expiresAt)) },
            { header: 'Status', cell: (m) => <Tag colour={MONITORING_STATUSES[m.status].colour}>{MONITORING_STATUSES[m.status].name}</Tag> },
            {
              header: 'Disclosures',
              cell: (m) => (
                <>
                  {m.disclosures.length ? (
                    <ul className="govuk-list">
                      {m.disclosures.map((d) => (
                        <li key={d.id}>
                          {d.recipient}, {formatDate(d.disclosedAt)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="govuk-body govuk-!-margin-bottom-1">None</p>
                  )}
                  <Link href={`/cases/${view.id}/monitoring/${m.id}/disclosures/new`}>
                    Record a disclosure<span className="govuk-visually-hidden"> of the request made on {formatDate(m.requestedAt)}</span>
                  </Link>
                </>
              ),
            },
          ]}
        />
      ) : (
        <p className="govuk-body">No monitoring has been requested on this case.</p>
      )}
      <ButtonLink href={`/cases/${view.id}/monitoring/new`} variant="secondary">
        Request monitoring
      </ButtonLink>
    </Page>
  );
}

/** Your work › Case SMP-… (this page is the investigation itself). */
function InvestigationCrumbs({ view }: { view: CaseView }) {
  return (
    <Breadcrumbs
      items={[
        { text: 'Your work', href: '/' },
        { text: `Case ${view.reference}`, href: `/cases/${view.id}` },
      ]}
    />
  );
}
