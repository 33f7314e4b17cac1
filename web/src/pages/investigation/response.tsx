import { useState } from 'react';
import { api } from '../../api/client';
import { Button, DateInput, EMPTY_DATE, ErrorSummary, NotificationBanner, Radios, SummaryList, Textarea, type DateParts } from '../../components';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { CaseScreen, DATE_TIME_HINT, formatDateTime, InvestigationBreadcrumbs, titled, TwoThirds, ukInstant, type CaseView } from './common';

/**
 * /cases/:id/investigation/response — the subject's response to the allegations (or their refusal
 * to respond), as received: when, and what they said or how they declined.
 */
export function ResponsePage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view, update) => <Response view={view} update={update} />}</CaseScreen>;
}

const NO_TIME: DateParts = { ...EMPTY_DATE, hour: '', minute: '' };

function Response({ view, update }: { view: CaseView; update: (view: CaseView) => void }) {
  const [receivedAt, setReceivedAt] = useState<DateParts>(NO_TIME);
  const [refused, setRefused] = useState<'responded' | 'refused'>();
  const [response, setResponse] = useState('');
  const [added, setAdded] = useState(false);
  const form = useApiForm(
    { receivedAt: 'received-at', refusedToRespond: 'refused', response: 'response' },
    { receivedAt: 'When it was received', refusedToRespond: 'Whether they responded', response: 'Their response' },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/subject-responses', {
        params: { path: { id: view.id } },
        body: { receivedAt: ukInstant(receivedAt, { withTime: true }), response, ...(refused ? { refusedToRespond: refused === 'refused' } : {}) },
      }),
    (answer) => {
      update(answer);
      setReceivedAt(NO_TIME);
      setRefused(undefined);
      setResponse('');
      setAdded(true);
    },
  );
  return (
    <Page
      title={titled(`The subject’s response – Case ${view.reference}`, form.errors)}
      caption={`Case ${view.reference}`}
      heading="The subject’s response"
      before={<InvestigationBreadcrumbs view={view} />}
    >
      <TwoThirds>
        {added && <NotificationBanner success heading="Response recorded" />}
        <ErrorSummary errors={form.errors.summary} />
        <h2 className="govuk-heading-m">Received</h2>
        {view.subjectResponses.length ? (
          view.subjectResponses.map((answer, i) => (
            <div key={answer.id} className="govuk-summary-card">
              <div className="govuk-summary-card__title-wrapper">
                <h3 className="govuk-summary-card__title">Response {i + 1}</h3>
              </div>
              <div className="govuk-summary-card__content">
                <SummaryList
                  rows={[
                    { key: 'Received', value: formatDateTime(answer.receivedAt) },
                    { key: 'They', value: answer.refusedToRespond ? 'Refused to respond' : 'Responded' },
                    { key: answer.refusedToRespond ? 'How they declined' : 'Response', value: answer.withheld ? 'Withheld' : answer.response },
                  ]}
                />
              </div>
            </div>
          ))
        ) : (
          <p className="govuk-body">No response has been recorded yet.</p>
        )}
        <h2 className="govuk-heading-m">Record the response</h2>
        <form
          onSubmit={(event) => {
            setAdded(false);
            void send(event);
          }}
          noValidate
        >
          <DateInput
            id="received-at"
            legend="When it was received"
            hint={DATE_TIME_HINT}
            withTime
            value={receivedAt}
            onChange={setReceivedAt}
            error={form.errors.fields.receivedAt}
          />
          <Radios
            id="refused"
            legend="Did they respond?"
            legendSize="s"
            value={refused}
            onChange={(value) => setRefused(value as 'responded' | 'refused')}
            error={form.errors.fields.refusedToRespond}
            items={[
              { value: 'responded', text: 'Yes, they responded', hint: 'In writing or at a meeting.' },
              { value: 'refused', text: 'No, they refused to respond', hint: 'Their refusal is recorded instead of a response.' },
            ]}
          />
          <Textarea
            id="response"
            label={refused === 'refused' ? 'How they declined to respond' : 'Their response'}
            labelSize="s"
            hint={refused === 'refused' ? 'For example, “Declined in writing: nothing to add.”' : 'What they said about the allegations.'}
            rows={8}
            value={response}
            onChange={(event) => setResponse(event.target.value)}
            error={form.errors.fields.response}
          />
          <Button disabled={form.submitting}>Record the response</Button>
        </form>
      </TwoThirds>
    </Page>
  );
}
