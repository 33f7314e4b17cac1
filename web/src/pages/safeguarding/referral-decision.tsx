import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { DateInput, Radios, Table, Textarea, type DateParts } from '../../components';
import { formatDateTime } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { DATE_TIME_HINT, ukDateTime, ukParts } from '../../lib/uk-time';
import { REFERRAL_BODY_NAMES } from '../../lib/words';
import { CaseFormPage } from '../reports/common';

type Body = 'dbs' | 'tra';

/**
 * A DBS or TRA referral decision (POST /cases/:id/referral-decisions; KCSIE Part 4, docs/kcsie.md):
 * referred and when, or not referred and why — each revealed under its answer. The acting
 * decision-maker records it; the API decides who that is, and what the case still needs before it
 * may close (kcsie.referralDecisionsRequired, shown here as the case view says it).
 */
export function ReferralDecisionPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  const [body, setBody] = useState<Body>();
  const [referred, setReferred] = useState<'yes' | 'no'>();
  const [referredAt, setReferredAt] = useState<DateParts>(() => ukParts());
  const [reason, setReason] = useState('');
  const form = useApiForm(
    { body: 'body', referred: 'referred', referredAt: 'referred-at', reasonNotReferred: 'reason-not-referred' },
    { body: 'Referral to', referred: 'Decision', referredAt: 'When it was referred', reasonNotReferred: 'Why not' },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/referral-decisions', {
        params: { path: { id } },
        // unset answers go as they are: the API's 400 names them, and the page shows it beside the field
        body: {
          body: body as Body,
          referred: (referred === undefined ? undefined : referred === 'yes') as boolean,
          ...(referred === 'yes' ? { referredAt: ukDateTime(referredAt) } : {}),
          ...(referred === 'no' ? { reasonNotReferred: reason } : {}),
        },
      }),
    () => navigate(`/cases/${id}?done=referral-decision`),
  );

  return (
    <WhenLoaded loaded={loaded}>
      {(view) => (
        <CaseFormPage
          view={view}
          title="Referral decision"
          heading="Record a DBS or TRA referral decision"
          form={form}
          onSubmit={send}
          submitText="Record the decision"
          intro={
            <>
              <p className="govuk-body">
                Keeping Children Safe in Education, Part 4: when a member of staff is dismissed, or would have been, because they harmed or posed a risk of harm
                to a child, the school refers them to the Disclosure and Barring Service; a teacher, also to the Teaching Regulation Agency. Record the decision
                either way: the latest for each body stands.
              </p>
              {view.kcsie.referralDecisionsRequired.length > 0 && (
                <p className="govuk-body" data-testid="referral-decisions-required">
                  Before the case may close: {view.kcsie.referralDecisionsRequired.map((b) => REFERRAL_BODY_NAMES[b] ?? b).join(' and ')}.
                </p>
              )}
              {view.kcsie.referralDecisions.length > 0 && (
                <Table
                  caption="Decisions recorded"
                  captionSize="s"
                  rows={view.kcsie.referralDecisions}
                  rowKey={(d) => d.id}
                  columns={[
                    { header: 'Body', cell: (d) => d.body.toUpperCase() },
                    { header: 'Decision', cell: (d) => (d.referred ? `Referred ${d.referredAt ? formatDateTime(d.referredAt) : ''}` : 'Not referred') },
                    { header: 'Recorded', cell: (d) => formatDateTime(d.createdAt) },
                  ]}
                />
              )}
            </>
          }
        >
          <Radios
            id="body"
            legend="Which referral is this decision about?"
            legendSize="m"
            {...form.choice('body', body, setBody)}
            items={[
              {
                value: 'dbs',
                text: REFERRAL_BODY_NAMES.dbs,
                hint: 'For anyone working with children who is dismissed, or would have been, for harm or risk of harm.',
              },
              { value: 'tra', text: REFERRAL_BODY_NAMES.tra, hint: 'For a teacher: serious misconduct may lead to a prohibition from teaching.' },
            ]}
          />
          <Radios
            id="referred"
            legend="Has the school referred them?"
            legendSize="m"
            {...form.choice('referred', referred, setReferred)}
            items={[
              {
                value: 'yes',
                text: 'Yes, referred',
                conditional: (
                  <DateInput
                    id="referred-at"
                    legend="When was the referral made?"
                    hint={DATE_TIME_HINT}
                    withTime
                    {...form.field('referredAt', referredAt, setReferredAt)}
                  />
                ),
              },
              {
                value: 'no',
                text: 'No, not referred',
                conditional: <Textarea id="reason-not-referred" label="Why not?" rows={5} {...form.text('reasonNotReferred', reason, setReason)} />,
              },
            ]}
          />
        </CaseFormPage>
      )}
    </WhenLoaded>
  );
}
