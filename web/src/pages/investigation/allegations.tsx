import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Button, ErrorSummary, NotificationBanner, Radios, SummaryList, Tag, Textarea } from '../../components';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { CaseScreen, clausesOf, findingOf, formatDateTime, InvestigationBreadcrumbs, titled, TwoThirds, usePolicy, type CaseView } from './common';

type Standard = NonNullable<components['schemas']['AllegationRequest']['policyStandard']>;
type Category = NonNullable<components['schemas']['AllegationRequest']['category']>;

/**
 * /cases/:id/investigation/allegations — the allegations recorded, and a new one: tied to a §7
 * standard, §8 or an App.A category (the policy's own words under each), with a summary.
 */
export function AllegationsPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view, update) => <Allegations view={view} update={update} />}</CaseScreen>;
}

function Allegations({ view, update }: { view: CaseView; update: (view: CaseView) => void }) {
  const policy = usePolicy();
  const [clause, setClause] = useState<string>();
  const [summary, setSummary] = useState('');
  const [added, setAdded] = useState(false);
  const form = useApiForm(
    { policyStandard: 'clause', category: 'clause', summary: 'summary' },
    { policyStandard: 'Policy', category: 'Policy', summary: 'Summary' },
  );
  const send = form.submit(
    () => {
      // "standard:7.5" or "category:disrepute": the API takes one or the other (and says so when neither is chosen)
      const [kind, value] = clause?.split(':') ?? [];
      const body = { summary, ...(kind === 'standard' ? { policyStandard: value as Standard } : kind === 'category' ? { category: value as Category } : {}) };
      return api.POST('/cases/{id}/allegations', { params: { path: { id: view.id } }, body });
    },
    (answer) => {
      update(answer);
      setClause(undefined);
      setSummary('');
      setAdded(true);
    },
  );
  const title = titled(`Allegations – Case ${view.reference}`, form.errors);
  return (
    <Page title={title} caption={`Case ${view.reference}`} heading="Allegations" before={<InvestigationBreadcrumbs view={view} />}>
      <TwoThirds>
        {added && <NotificationBanner success heading="Allegation recorded" />}
        <ErrorSummary errors={form.errors.summary} />
        <h2 className="govuk-heading-m">Recorded</h2>
        {view.allegations.length ? (
          view.allegations.map((allegation, i) => (
            <div key={allegation.id} className="govuk-summary-card">
              <div className="govuk-summary-card__title-wrapper">
                <h3 className="govuk-summary-card__title">Allegation {i + 1}</h3>
              </div>
              <div className="govuk-summary-card__content">
                <SummaryList
                  rows={[
                    {
                      key: 'Policy',
                      value: clausesOf(allegation, policy).map((c) => (
                        <p key={c.title} className="govuk-body">
                          {c.title}
                          {c.words && <span className="govuk-hint govuk-!-margin-bottom-0">“{c.words}”</span>}
                        </p>
                      )),
                    },
                    { key: 'Summary', value: allegation.summary },
                    { key: 'Recorded', value: formatDateTime(allegation.createdAt) },
                    {
                      key: 'Finding',
                      value: allegation.finding ? (
                        <Tag colour={findingOf(allegation.finding.finding).colour}>{findingOf(allegation.finding.finding).name}</Tag>
                      ) : (
                        'None yet'
                      ),
                    },
                  ]}
                />
              </div>
            </div>
          ))
        ) : (
          <p className="govuk-body">No allegation has been recorded yet.</p>
        )}
        <h2 className="govuk-heading-m">Add an allegation</h2>
        <form
          onSubmit={(event) => {
            setAdded(false);
            void send(event);
          }}
          noValidate
        >
          <Radios
            id="clause"
            legend="Which part of the policy it breaches"
            hint="A §7 standard, §8, or an Appendix A category. The policy’s own words are under each."
            value={clause}
            onChange={setClause}
            error={form.errors.fields.policyStandard ?? form.errors.fields.category}
            small
            items={[
              ...(policy?.standards ?? []).map((c) => ({ value: `standard:${c.value}`, text: `${c.clause} ${c.label}`, hint: `“${c.words}”` })),
              ...(policy?.categories ?? []).map((c) => ({ value: `category:${c.value}`, text: `${c.clause} ${c.label}`, hint: `“${c.words}”` })),
            ]}
          />
          <Textarea
            id="summary"
            label="Summary of the allegation"
            labelSize="s"
            hint="What the member of staff is alleged to have done, in a sentence or two. The subject will be told of it in writing."
            {...form.text('summary', summary, setSummary)}
          />
          <Button disabled={form.submitting}>Record the allegation</Button>
        </form>
      </TwoThirds>
    </Page>
  );
}
