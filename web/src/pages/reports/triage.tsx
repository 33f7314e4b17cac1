import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Link, Radios, SummaryList, Tag, Textarea } from '../../components';
import { formatDateTime } from '../../lib/format';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { choice, choiceTitle, usePolicy } from '../../lib/policy-words';
import { WhenLoaded } from '../../lib/loaded';
import { CaseFormPage } from './common';

type Decision = components['schemas']['TriageRequest']['decision'];

/**
 * Triage (POST /cases/:id/triage): the deputy head (or the acting decision-maker) closes the report
 * with no further action or an informal resolution, or starts an investigation — each with the
 * policy's own words beside it — and records why. The API says who may and when; a refusal is
 * shown in its words.
 */
export function TriagePage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  const policy = usePolicy();
  const [decision, setDecision] = useState<Decision>();
  const [rationale, setRationale] = useState('');
  const form = useApiForm({ decision: 'decision', rationale: 'rationale' }, { decision: 'Decision', rationale: 'Reasons' });
  const send = form.submit(
    // decision may be unset: the API's 400 then names it, and the page shows that beside the radios
    () => api.POST('/cases/{id}/triage', { params: { path: { id } }, body: { decision: decision!, rationale } }),
    () => navigate(`/cases/${id}`),
  );

  return (
    <WhenLoaded loaded={loaded}>
      {(view) => {
        const words = policy.state === 'loaded' ? policy.data : undefined;
        const report = view.reports[0];
        return (
          <CaseFormPage
            view={view}
            title="Triage"
            heading="Triage the report"
            form={form}
            onSubmit={send}
            submitText="Record the decision"
            intro={
              <>
                {report && (
                  <SummaryList
                    rows={[
                      { key: 'Reported', value: formatDateTime(view.createdAt) },
                      ...(view.safeguarding.flagged ? [{ key: 'Safeguarding', value: <Tag colour="red">Safeguarding</Tag> }] : []),
                      { key: 'Category', value: choiceTitle(choice(words?.categories, report.category)) },
                      {
                        key: 'Standards',
                        value: report.policyStandards.length
                          ? report.policyStandards.map((s) => choiceTitle(choice(words?.standards, s))).join('; ')
                          : 'None given',
                      },
                    ]}
                  />
                )}
                <p className="govuk-body">
                  <Link href={`/cases/${id}`}>Read the whole report on the case page</Link>
                </p>
              </>
            }
          >
            <Radios
              id="decision"
              legend="What happens to this report?"
              legendSize="m"
              {...form.choice('decision', decision, setDecision)}
              items={(words?.triageDecisions ?? []).map((c) => ({ value: c.value, text: c.label, hint: `“${c.words}” (${c.clause})` }))}
            />
            <Textarea
              id="rationale"
              label="Reasons"
              labelSize="m"
              hint="Recorded with the decision and shown to those who read the case"
              {...form.text('rationale', rationale, setRationale)}
            />
          </CaseFormPage>
        );
      }}
    </WhenLoaded>
  );
}
