import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { DateInput, Input, SummaryList, Table, Tag, Textarea, type DateParts } from '../../components';
import { formatDateTime } from '../../lib/format';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { ukDateTime, ukParts } from '../../lib/uk-time';
import { WhenLoaded } from '../../lib/loaded';
import { CaseFormPage } from './common';

/**
 * A safeguarding referral (POST /cases/:id/safeguarding-referral; §5): to whom, when (UK time) and
 * notes — with the clock showing, from the case view: when the referral is due by (the end of the
 * next working day after the report) and whether it is overdue. The API decides both.
 */
export function SafeguardingReferralPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  const [referredTo, setReferredTo] = useState('');
  const [referredAt, setReferredAt] = useState<DateParts>(() => ukParts());
  const [notes, setNotes] = useState('');
  const form = useApiForm(
    { referredTo: 'referred-to', referredAt: 'referred-at', notes: 'notes' },
    { referredTo: 'Referred to', referredAt: 'When', notes: 'Notes' },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/safeguarding-referral', {
        params: { path: { id } },
        body: { referredTo, referredAt: ukDateTime(referredAt) as string, ...(notes.trim() ? { notes } : {}) },
      }),
    () => navigate(`/cases/${id}`),
  );

  return (
    <WhenLoaded loaded={loaded}>
      {(view) => (
        <CaseFormPage
          view={view}
          title="Safeguarding referral"
          heading="Record a safeguarding referral"
          form={form}
          onSubmit={send}
          submitText="Record the referral"
          intro={
            <>
              <h2 className="govuk-heading-m">The clock</h2>
              <SummaryList
                rows={[
                  { key: 'Safeguarding matter', value: view.safeguarding.flagged ? <Tag colour="red">Safeguarding</Tag> : 'Not flagged when reported' },
                  {
                    key: 'Referral due by',
                    value: view.safeguarding.referralDueBy ? (
                      <span data-testid="referral-due">
                        {formatDateTime(view.safeguarding.referralDueBy)}{' '}
                        {view.safeguarding.referralOverdue ? (
                          <Tag colour="red">Overdue</Tag>
                        ) : view.safeguarding.referrals.length ? (
                          <Tag colour="green">Referred</Tag>
                        ) : (
                          <Tag colour="yellow">Not referred yet</Tag>
                        )}
                      </span>
                    ) : (
                      'No deadline: the report was not flagged'
                    ),
                  },
                ]}
              />
              <p className="govuk-body">
                §5: “All colleagues must comply with the school’s policies and procedures for safeguarding children as well as comply with the relevant
                statutory guidance on safeguarding.” A referral is expected within one working day of the report.
              </p>
              {view.safeguarding.referrals.length > 0 && (
                <Table
                  caption="Referrals recorded"
                  captionSize="s"
                  rows={view.safeguarding.referrals}
                  rowKey={(r) => r.id}
                  columns={[
                    { header: 'Referred to', cell: (r) => r.referredTo },
                    { header: 'When', cell: (r) => formatDateTime(r.referredAt) },
                  ]}
                />
              )}
            </>
          }
        >
          <Input
            id="referred-to"
            label="Referred to"
            labelSize="m"
            hint="For example, the Designated Safeguarding Lead, or the local authority designated officer (LADO)"
            {...form.text('referredTo', referredTo, setReferredTo)}
          />
          <DateInput
            id="referred-at"
            legend="When was it referred?"
            legendSize="m"
            hint="UK time, for example 3 11 2026 09 15"
            withTime
            {...form.field('referredAt', referredAt, setReferredAt)}
          />
          <Textarea id="notes" label="Notes (optional)" labelSize="m" {...form.text('notes', notes, setNotes)} />
        </CaseFormPage>
      )}
    </WhenLoaded>
  );
}
