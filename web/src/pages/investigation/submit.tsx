import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { Button, ErrorSummary, Link, Panel, SummaryList, Tag, Textarea, WarningText } from '../../components';
import { ROLE_NAMES, STATUS_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import {
  allegationTitle,
  CaseScreen,
  findingOf,
  formatDateTime,
  InvestigationBreadcrumbs,
  NOTICE_METHODS,
  titled,
  TwoThirds,
  usePolicy,
  type CaseView,
  type SubmissionStep,
} from './common';

/** Where each step the API may say is missing is done. */
const STEP_PAGES: Record<SubmissionStep, string> = { allegations: 'allegations', notice: 'notice', response: 'response', findings: 'findings' };

/**
 * /cases/:id/investigation/submit — the investigation report to the decision-maker. What the API
 * says is still missing (guidance.submission.missing) is listed first, each linking to its step;
 * the form is there either way, and a refusal (409 submission_blocked) shows the API's own detail.
 * Then check the answers, write the summary, submit.
 */
export function SubmitPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view, update) => <Submit view={view} update={update} />}</CaseScreen>;
}

function Submit({ view, update }: { view: CaseView; update: (view: CaseView) => void }) {
  const policy = usePolicy();
  const [summary, setSummary] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const form = useApiForm({ summary: 'summary' }, { summary: 'Report summary' });
  const send = form.submit(
    () => api.POST('/cases/{id}/submit-report', { params: { path: { id: view.id } }, body: { summary } }),
    (answer) => {
      update(answer);
      setSubmitted(true);
    },
  );
  const report = view.investigationReport;
  if (submitted && report) return <Submitted view={view} />;
  const missing = view.guidance?.submission.missing ?? [];
  return (
    <Page
      title={titled(`Submit the investigation report – Case ${view.reference}`, form.errors)}
      caption={`Case ${view.reference}`}
      heading="Submit the investigation report"
      before={<InvestigationBreadcrumbs view={view} />}
    >
      <TwoThirds>
        <ErrorSummary errors={form.errors.summary} />
        {report && (
          <WarningText>
            The report was submitted on {formatDateTime(report.submittedAt)}: the case is {(STATUS_NAMES[view.status] ?? view.status).toLowerCase()}.
          </WarningText>
        )}
        {missing.length > 0 && (
          <div data-testid="blockers">
            <h2 className="govuk-heading-m">Not ready yet</h2>
            <p className="govuk-body">Before the report can go to the decision-maker:</p>
            <ul className="govuk-list govuk-list--bullet">
              {missing.map((m) => (
                <li key={m.description}>
                  <Link href={`/cases/${view.id}/investigation/${STEP_PAGES[m.step]}`}>{m.description.replace(/^./, (c) => c.toUpperCase())}</Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        <h2 className="govuk-heading-m">Check the investigation</h2>
        <SummaryList
          rows={[
            {
              key: 'Allegations and findings',
              value: view.allegations.length ? (
                <ul className="govuk-list">
                  {view.allegations.map((a, i) => (
                    <li key={a.id}>
                      Allegation {i + 1}: {allegationTitle(a, policy)}{' '}
                      {a.finding ? (
                        <Tag colour={findingOf(a.finding.finding).colour}>{findingOf(a.finding.finding).name}</Tag>
                      ) : (
                        <Tag colour="grey">No finding</Tag>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                'None'
              ),
              actions: [{ text: 'Change', href: `/cases/${view.id}/investigation/findings`, visuallyHidden: 'the findings' }],
            },
            {
              key: 'Evidence',
              value: `${view.evidence.length} item${view.evidence.length === 1 ? '' : 's'}`,
              actions: [{ text: 'Change', href: `/cases/${view.id}/investigation/evidence`, visuallyHidden: 'the evidence' }],
            },
            {
              key: 'Facts',
              value: `${view.facts.length} recorded`,
              actions: [{ text: 'Change', href: `/cases/${view.id}/investigation/facts`, visuallyHidden: 'the facts' }],
            },
            {
              key: 'Interviews',
              value: view.interviews.length ? view.interviews.map((i) => `${i.name} (${i.capacity})`).join(', ') : 'None',
              actions: [{ text: 'Change', href: `/cases/${view.id}/investigation/interviews`, visuallyHidden: 'the interviews' }],
            },
            {
              key: 'Written notice',
              value: view.subjectNotifications.length
                ? view.subjectNotifications.map((n) => `${NOTICE_METHODS[n.method]?.name ?? n.method}, ${formatDateTime(n.sentAt)}`).join('; ')
                : 'None',
              actions: [{ text: 'Change', href: `/cases/${view.id}/investigation/notice`, visuallyHidden: 'the written notice' }],
            },
            {
              key: 'The subject’s response',
              value: view.subjectResponses.length
                ? view.subjectResponses.map((r) => `${r.refusedToRespond ? 'Refused to respond' : 'Responded'}, ${formatDateTime(r.receivedAt)}`).join('; ')
                : 'None',
              actions: [{ text: 'Change', href: `/cases/${view.id}/investigation/response`, visuallyHidden: 'the response' }],
            },
          ]}
        />
        <form onSubmit={send} noValidate>
          <Textarea
            id="summary"
            label="Report summary"
            labelSize="m"
            hint="For the decision-maker: what was established, on what evidence, and your conclusions on each allegation."
            rows={10}
            {...form.text('summary', summary, setSummary)}
          />
          <p className="govuk-body">Once submitted, the report goes to the decision-maker and the investigation records can no longer be changed.</p>
          <Button disabled={form.submitting}>Submit the report</Button>
        </form>
      </TwoThirds>
    </Page>
  );
}

/** The confirmation (GOV.UK panel), focused so it is announced: the case's new state and its next step, in the API's words. */
function Submitted({ view }: { view: CaseView }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  const next = view.guidance?.nextStep;
  return (
    <Page title={`Investigation report submitted – Case ${view.reference}`} heading={null}>
      <TwoThirds>
        <div ref={panel} tabIndex={-1}>
          <Panel title="Investigation report submitted">
            Case <strong>{view.reference}</strong>
          </Panel>
        </div>
        <p className="govuk-body">
          The case is now {(STATUS_NAMES[view.status] ?? view.status).toLowerCase()}.{' '}
          {next && (
            <>
              Next: {next.description}
              {next.by && ` (${ROLE_NAMES[next.by] ?? next.by})`}
            </>
          )}
        </p>
        <p className="govuk-body">
          <Link href={`/cases/${view.id}`}>Go to the case</Link> or <Link href="/">your work</Link>.
        </p>
      </TwoThirds>
    </Page>
  );
}
