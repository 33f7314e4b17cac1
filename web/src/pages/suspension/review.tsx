import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { DateInput, Radios, SummaryList, Textarea, type DateParts } from '../../components';
import { formatDateTime } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { DATE_HINT, ukDayEnd } from '../../lib/uk-time';
import { CaseFormPage } from '../reports/common';
import { GROUND_WORDS } from './words';

const EMPTY: DateParts = { day: '', month: '', year: '' };

/**
 * Review a suspension by its review date (POST /cases/:id/suspensions/:suspensionId/reviews;
 * process.md §1; docs/suspension.md): continue it, with the reasons and the next review date, or
 * end it, with the reasons. The active suspensions are the case view's; the API refuses a lapsed or
 * ended one and bounds the next date, and the page shows what it says.
 */
export function ReviewSuspensionPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  const [chosen, setChosen] = useState<string>();
  const [decision, setDecision] = useState<'continue' | 'end'>();
  const [reasons, setReasons] = useState('');
  const [reviewBy, setReviewBy] = useState<DateParts>(EMPTY);
  const form = useApiForm(
    { suspension: 'suspension', decision: 'decision', reasons: 'reasons', reviewBy: 'review-by' },
    { suspension: 'Suspension', decision: 'Decision', reasons: 'Reasons', reviewBy: 'Next review date' },
  );

  return (
    <WhenLoaded loaded={loaded}>
      {(view) => {
        const active = view.suspensions.filter((s) => s.status === 'active');
        const suspensionId = chosen ?? (active.length === 1 ? active[0].id : undefined);
        const send = form.submit(
          () =>
            api.POST('/cases/{id}/suspensions/{suspensionId}/reviews', {
              params: { path: { id, suspensionId: suspensionId ?? '' } },
              body: { decision: decision as 'continue' | 'end', reasons, ...(decision === 'continue' ? { reviewBy: ukDayEnd(reviewBy) } : {}) },
            }),
          () => navigate(`/cases/${id}?done=suspension-review`),
        );
        return (
          <CaseFormPage
            view={view}
            title="Review suspension"
            heading="Review the suspension"
            form={form}
            onSubmit={send}
            submitText="Record the review"
            intro={
              <p className="govuk-body">
                A suspension is reviewed by its review date: continue it, with the reasons and a new review date at most 4 weeks ahead, or end it. One not
                reviewed by then has lapsed; if a suspension is still needed, record a new one.
              </p>
            }
          >
            {active.length === 0 && <p className="govuk-body">No suspension on this case is active.</p>}
            {active.length > 1 ? (
              <Radios
                id="suspension"
                legend="Which suspension?"
                legendSize="m"
                value={suspensionId}
                onChange={setChosen}
                items={active.map((s) => ({ value: s.id, text: s.subjectName, hint: `Review by ${formatDateTime(s.reviewBy)}` }))}
              />
            ) : (
              active.map((s) => (
                <SummaryList
                  key={s.id}
                  rows={[
                    { key: 'Suspended', value: s.subjectName },
                    { key: 'Since', value: formatDateTime(s.startsAt) },
                    { key: 'Why', value: s.grounds.map((g) => GROUND_WORDS[g].text).join(', ') },
                    { key: 'Review by', value: <span data-testid="suspension-review-by">{formatDateTime(s.reviewBy)}</span> },
                  ]}
                />
              ))
            )}
            <Radios
              id="decision"
              legend="What is your decision?"
              legendSize="m"
              {...form.choice('decision', decision, setDecision)}
              items={[
                {
                  value: 'continue',
                  text: 'Continue the suspension',
                  conditional: (
                    <DateInput
                      id="review-by"
                      legend="Review it again by"
                      hint={`At most 4 weeks from today. ${DATE_HINT}`}
                      {...form.field('reviewBy', reviewBy, setReviewBy)}
                    />
                  ),
                },
                { value: 'end', text: 'End the suspension', hint: 'The person returns to work.' },
              ]}
            />
            <Textarea id="reasons" label="Reasons" rows={5} {...form.text('reasons', reasons, setReasons)} />
          </CaseFormPage>
        );
      }}
    </WhenLoaded>
  );
}
