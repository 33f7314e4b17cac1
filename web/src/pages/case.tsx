import { useSearch } from 'wouter';
import { api } from '../api/client';
import { useSession } from '../auth/use-session';
import { Breadcrumbs, InsetText, Link, NotificationBanner, SummaryList, Tag, WarningText } from '../components';
import { CASE_ACTION_SCREENS, type CaseAction } from '../lib/case-actions';
import { formatDateTime, ROLE_NAMES, STATUS_NAMES } from '../lib/format';
import { Page } from '../lib/page';
import { useLoad } from '../lib/use-load';
import { CaseRecord } from './cases/case-record';
import { PausedBanner } from './cases/grievances';
import { usePolicy } from '../lib/policy-words';
import { involvementSentence, STATUS_COLOURS, type CaseView } from './cases/words';
import { ProblemPage } from './problem';
import { Loading } from '../lib/loaded';

/**
 * A case (GET /cases/:id): its state, the next step and who takes it, how the reader is
 * involved, what they may do now (each action the API offers, linked to its screen), and
 * everything recorded. The API decides all of it; this page explains. A case the person may not
 * see is "Page not found", as the API answers 404. Only the reference goes in the title.
 */
export function CasePage({ id }: { id: string }) {
  const state = useSession();
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  const policy = usePolicy();
  if (loaded.state === 'loading') {
    return <Loading />;
  }
  if (loaded.state === 'failed') return <ProblemPage problem={loaded.problem} />;
  const view = loaded.data;
  const me = state.status === 'signed-in' ? state.user.id : '';
  return (
    <Page
      title={`Case ${view.reference}`}
      caption="Case"
      heading={view.reference}
      before={
        <Breadcrumbs
          items={[
            { text: 'Your work', href: '/' },
            { text: 'Cases', href: '/cases' },
          ]}
        />
      }
    >
      <DoneBanner />
      <PausedBanner view={view} />
      <CaseOverview view={view} me={me} />
      <CaseRecord view={view} policy={policy.state === 'loaded' ? policy.data : undefined} me={me} />
    </Page>
  );
}

/** What a screen that sends the person back here has done (?done=… in the address: no case content). */
const DONE: Record<string, string> = {
  lado: 'LADO consultation recorded',
  'referral-decision': 'Referral decision recorded',
  'hearing-rearranged': 'Hearing rearranged',
  'hearing-recorded': 'Hearing recorded',
  suspension: 'Suspension recorded',
  'suspension-review': 'Suspension review recorded',
};

function DoneBanner() {
  const done = new URLSearchParams(useSearch()).get('done');
  if (!done || !DONE[done]) return null;
  return <NotificationBanner success heading={DONE[done]} />;
}

/** What deciding on this case means: who takes the decisions, and why when it is not the headteacher. */
function decisionMakerWords(view: CaseView): string {
  switch (view.decisionMakerRole) {
    case 'headteacher':
      return 'Decisions on this case are taken by the headteacher.';
    case 'governor':
      return 'Decisions on this case are taken by the governors because every headteacher is conflicted.';
    default:
      return 'Nobody can take decisions on this case at the moment.';
  }
}

/**
 * The actions the API offers this reader now, each once (placing and lifting a legal hold share a
 * screen), and the outcome with a separation waiver when the API offers that (guidance.separationWaiver).
 */
function actionLinks(view: CaseView): { action: CaseAction; href: string; label: string }[] {
  const seen = new Set<string>();
  const links = (view.guidance?.actions ?? []).flatMap((action) => {
    const screen = CASE_ACTION_SCREENS[action];
    const href = screen.path(view.id);
    if (seen.has(href)) return [];
    seen.add(href);
    return [{ action, href, label: screen.label }];
  });
  // the investigating manager who also decides may record the outcome only with a separation waiver: the API offers it apart from `actions`
  const outcome = CASE_ACTION_SCREENS.record_outcome.path(view.id);
  if (view.guidance?.separationWaiver && !seen.has(outcome))
    links.push({ action: 'record_outcome', href: outcome, label: 'Record the outcome with a separation waiver' });
  return links;
}

function CaseOverview({ view, me }: { view: CaseView; me: string }) {
  const guidance = view.guidance;
  const actions = actionLinks(view);
  const involvement = guidance?.involvement ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {view.retention.erasedAt && (
          <NotificationBanner heading="The content of this case has been erased">
            <p className="govuk-body">
              It was erased on {formatDateTime(view.retention.erasedAt)} under the retention policy (§13): what remains is a record that the case existed.
            </p>
          </NotificationBanner>
        )}
        <SummaryList
          rows={[
            {
              key: 'Status',
              value: (
                <span data-testid="case-status">
                  <Tag colour={STATUS_COLOURS[view.status]}>{STATUS_NAMES[view.status] ?? view.status}</Tag>
                  {view.safeguarding.flagged && (
                    <>
                      {' '}
                      <Tag colour="red">Safeguarding</Tag>
                    </>
                  )}
                  {view.safeguarding.referralOverdue && (
                    <>
                      {' '}
                      <Tag colour="red">Referral overdue</Tag>
                    </>
                  )}
                  {view.retention.legalHold && (
                    <>
                      {' '}
                      <Tag colour="grey">Legal hold</Tag>
                    </>
                  )}
                </span>
              ),
            },
            { key: 'Reported', value: formatDateTime(view.createdAt) },
            { key: 'Last changed', value: formatDateTime(view.updatedAt) },
            { key: 'Decisions', value: <span data-testid="decision-maker">{decisionMakerWords(view)}</span> },
          ]}
        />

        {view.decisionBlocked && (
          <div data-testid="decision-blocked">
            <WarningText>{view.decisionBlocked}</WarningText>
          </div>
        )}

        {guidance && (
          <section aria-labelledby="next-step">
            <h2 className="govuk-heading-m" id="next-step">
              What happens next
            </h2>
            <p className="govuk-body" data-testid="next-step">
              {guidance.nextStep.description}
            </p>
            {guidance.nextStep.by && (
              <p className="govuk-body" data-testid="next-step-by">
                Who takes it: {ROLE_NAMES[guidance.nextStep.by] ?? guidance.nextStep.by}
              </p>
            )}
            {guidance.submission.blockers.length > 0 && (
              <>
                <p className="govuk-body">Before the investigation report can go to the decision-maker:</p>
                <ul className="govuk-list govuk-list--bullet" data-testid="submission-blockers">
                  {guidance.submission.blockers.map((blocker) => (
                    <li key={blocker}>{blocker}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}

        {involvement.length > 0 && (
          <div data-testid="involvement">
            <InsetText>
              {involvement.map((how) => (
                <p className="govuk-body" key={how}>
                  {involvementSentence(how, { investigator: view.investigatorUserId === me })}
                </p>
              ))}
            </InsetText>
          </div>
        )}
      </div>

      <div className="govuk-grid-column-one-third">
        <section aria-labelledby="your-actions" data-testid="actions">
          <h2 className="govuk-heading-m" id="your-actions">
            What you can do
          </h2>
          {actions.length ? (
            <ul className="govuk-list">
              {actions.map((a) => (
                <li key={a.href}>
                  <Link href={a.href}>{a.label}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">There is nothing for you to do on this case now.</p>
          )}
        </section>
      </div>
    </div>
  );
}
