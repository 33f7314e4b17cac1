import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Button, ErrorSummary, InsetText, Link, Radios, SummaryList, Tag, Textarea } from '../../components';
import { Page } from '../../lib/page';
import { policyItems } from '../../lib/policy-words';
import { FINDING_NAMES } from '../../lib/words';
import { useApiForm } from '../../lib/use-api-form';
import { NotFoundPage } from '../not-found';
import {
  CaseScreen,
  namedItems,
  clausesOf,
  DoneBanner,
  FINDINGS,
  findingOf,
  formatDateTime,
  InvestigationBreadcrumbs,
  titled,
  TwoThirds,
  usePolicy,
  type Allegation,
  type CaseView,
} from './common';

type Finding = components['schemas']['FindingRequest']['finding'];

/** /cases/:id/investigation/findings — each allegation and its finding, with a link to record or change it. */
export function FindingsPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view) => <Findings view={view} />}</CaseScreen>;
}

function Findings({ view }: { view: CaseView }) {
  const policy = usePolicy();
  return (
    <Page title={`Findings – Case ${view.reference}`} caption={`Case ${view.reference}`} heading="Findings" before={<InvestigationBreadcrumbs view={view} />}>
      <TwoThirds>
        <DoneBanner />
        <p className="govuk-body">A finding on each allegation, with your reasoning. You can change a finding until the report is submitted.</p>
        {view.allegations.length ? (
          view.allegations.map((allegation, i) => (
            <div key={allegation.id} className="govuk-summary-card">
              <div className="govuk-summary-card__title-wrapper">
                <h2 className="govuk-summary-card__title">Allegation {i + 1}</h2>
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <Link href={`/cases/${view.id}/investigation/findings/${allegation.id}`}>
                      {allegation.finding ? 'Change the finding' : 'Record the finding'}
                      <span className="govuk-visually-hidden"> on allegation {i + 1}</span>
                    </Link>
                  </li>
                </ul>
              </div>
              <div className="govuk-summary-card__content">
                <SummaryList
                  rows={[
                    {
                      key: 'Policy',
                      value: clausesOf(allegation, policy)
                        .map((c) => c.title)
                        .join('; '),
                    },
                    { key: 'Allegation', value: allegation.summary },
                    {
                      key: 'Finding',
                      value: allegation.finding ? (
                        <Tag colour={findingOf(allegation.finding.finding).colour}>{findingOf(allegation.finding.finding).name}</Tag>
                      ) : (
                        'None yet'
                      ),
                    },
                    ...(allegation.finding
                      ? [
                          { key: 'Reasoning', value: allegation.finding.reasoning },
                          { key: 'Recorded', value: formatDateTime(allegation.finding.recordedAt) },
                        ]
                      : []),
                  ]}
                />
              </div>
            </div>
          ))
        ) : (
          <p className="govuk-body">
            No allegation has been recorded yet: <Link href={`/cases/${view.id}/investigation/allegations`}>record the allegations</Link> first.
          </p>
        )}
      </TwoThirds>
    </Page>
  );
}

/**
 * /cases/:id/investigation/findings/:allegationId — the finding on one allegation, and why:
 * substantiated, not substantiated or inconclusive; on a safeguarding case KCSIE Part 4's five
 * categories instead, with their definitions from GET /policy (kcsieFindings). The API decides
 * which set a case takes (a 400 naming `finding`, shown beside the radios).
 */
export function FindingPage({ id, allegationId }: { id: string; allegationId: string }) {
  return (
    <CaseScreen id={id}>
      {(view) => {
        const index = view.allegations.findIndex((a) => a.id === allegationId);
        return index < 0 ? <NotFoundPage /> : <FindingForm view={view} allegation={view.allegations[index]} number={index + 1} />;
      }}
    </CaseScreen>
  );
}

function FindingForm({ view, allegation, number }: { view: CaseView; allegation: Allegation; number: number }) {
  const policy = usePolicy();
  const [, navigate] = useLocation();
  const [finding, setFinding] = useState<Finding | undefined>(allegation.finding?.finding);
  const [reasoning, setReasoning] = useState(allegation.finding?.reasoning ?? '');
  const form = useApiForm({ finding: 'finding', reasoning: 'reasoning' }, { finding: 'Finding', reasoning: 'Reasoning' });
  const kcsie = view.safeguarding.flagged;
  const items = kcsie
    ? policy
      ? policyItems(policy.kcsieFindings, FINDING_NAMES)
      : ['substantiated', 'malicious', 'false', 'unsubstantiated', 'unfounded'].map((value) => ({ value, text: FINDING_NAMES[value] }))
    : namedItems(FINDINGS);
  const send = form.submit(
    () => api.POST('/cases/{id}/findings', { params: { path: { id: view.id } }, body: { allegationId: allegation.id, finding: finding!, reasoning } }),
    () => navigate(`/cases/${view.id}/investigation/findings?done=finding`),
  );
  return (
    <Page
      title={titled(`Finding on allegation ${number} – Case ${view.reference}`, form.errors)}
      caption={`Case ${view.reference}`}
      heading={`Finding on allegation ${number}`}
      before={<InvestigationBreadcrumbs view={view} here={[{ text: 'Findings', href: `/cases/${view.id}/investigation/findings` }]} />}
    >
      <TwoThirds>
        <ErrorSummary errors={form.errors.summary} />
        <InsetText>
          {clausesOf(allegation, policy).map((c) => (
            <p key={c.title} className="govuk-body">
              <strong>{c.title}</strong>
              {c.words && <> “{c.words}”</>}
            </p>
          ))}
          <p className="govuk-body">{allegation.summary}</p>
        </InsetText>
        {allegation.finding && (
          <p className="govuk-body">
            Recorded on {formatDateTime(allegation.finding.recordedAt)} as {findingOf(allegation.finding.finding).name.toLowerCase()}. A change is kept in the
            audit log with the previous finding.
          </p>
        )}
        <form onSubmit={send} noValidate>
          <Radios
            id="finding"
            legend="Finding"
            hint={kcsie ? 'A safeguarding case: the finding is one of the categories of Keeping Children Safe in Education, Part 4.' : undefined}
            {...form.choice('finding', finding, setFinding)}
            items={items}
          />
          <Textarea
            id="reasoning"
            label="Reasoning"
            labelSize="s"
            hint="Why: the facts, evidence and statements it rests on."
            rows={8}
            {...form.text('reasoning', reasoning, setReasoning)}
          />
          <Button disabled={form.submitting}>Save the finding</Button>
        </form>
      </TwoThirds>
    </Page>
  );
}
