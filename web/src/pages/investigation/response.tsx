import { useState } from 'react';
import { api } from '../../api/client';
import { DateInput, EMPTY_DATE_TIME, Radios, Textarea, type DateParts } from '../../components';
import { CaseScreen, RecordsStep, useRecordForm, DATE_TIME_HINT, formatDateTime, ukInstant, type CaseView } from './common';

/**
 * /cases/:id/investigation/response — the subject's response to the allegations (or their refusal
 * to respond), as received: when, and what they said or how they declined.
 */
export function ResponsePage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view, update) => <Response view={view} update={update} />}</CaseScreen>;
}

function Response({ view, update }: { view: CaseView; update: (view: CaseView) => void }) {
  const [receivedAt, setReceivedAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [refused, setRefused] = useState<'responded' | 'refused'>();
  const [response, setResponse] = useState('');
  const form = useRecordForm(
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
      setReceivedAt(EMPTY_DATE_TIME);
      setRefused(undefined);
      setResponse('');
      form.setAdded(true);
    },
  );
  return (
    <RecordsStep
      view={view}
      title="The subject’s response"
      form={form}
      send={send}
      banner="Response recorded"
      recordedHeading="Received"
      records={view.subjectResponses}
      cardName="Response"
      rows={(answer) => [
        { key: 'Received', value: formatDateTime(answer.receivedAt) },
        { key: 'They', value: answer.refusedToRespond ? 'Refused to respond' : 'Responded' },
        { key: answer.refusedToRespond ? 'How they declined' : 'Response', value: answer.withheld ? 'Withheld' : answer.response },
      ]}
      none="No response has been recorded yet."
      addHeading="Record the response"
      submitText="Record the response"
    >
      <DateInput id="received-at" legend="When it was received" hint={DATE_TIME_HINT} withTime {...form.field('receivedAt', receivedAt, setReceivedAt)} />
      <Radios
        id="refused"
        legend="Did they respond?"
        legendSize="s"
        {...form.choice('refusedToRespond', refused, setRefused)}
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
        {...form.text('response', response, setResponse)}
      />
    </RecordsStep>
  );
}
