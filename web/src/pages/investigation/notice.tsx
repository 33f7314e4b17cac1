import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Checkboxes, DateInput, EMPTY_DATE_TIME, InsetText, Radios, type DateParts } from '../../components';
import {
  allegationTitle,
  CaseScreen,
  namedItems,
  RecordsStep,
  useRecordForm,
  DATE_TIME_HINT,
  formatDateTime,
  NOTICE_METHODS,
  ukInstant,
  usePolicy,
  type CaseView,
} from './common';

type Method = components['schemas']['SubjectNotificationRequest']['method'];

/**
 * /cases/:id/investigation/notice — the written notices of the allegations sent to the subject
 * (ACAS Code: told in writing before any decision), and a new one: when, how, which allegations.
 */
export function NoticePage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view, update) => <Notice view={view} update={update} />}</CaseScreen>;
}

function Notice({ view, update }: { view: CaseView; update: (view: CaseView) => void }) {
  const policy = usePolicy();
  const [sentAt, setSentAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [method, setMethod] = useState<Method>();
  const [allegationIds, setAllegationIds] = useState<string[]>([]);
  const form = useRecordForm(
    { sentAt: 'sent-at', method: 'method', allegationIds: 'allegations' },
    { sentAt: 'When it was sent', method: 'How it was sent', allegationIds: 'Allegations' },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/subject-notifications', {
        params: { path: { id: view.id } },
        body: { sentAt: ukInstant(sentAt, { withTime: true }), method: method!, allegationIds },
      }),
    (answer) => {
      update(answer);
      setSentAt(EMPTY_DATE_TIME);
      setMethod(undefined);
      setAllegationIds([]);
      form.setAdded(true);
    },
  );
  const allegations = new Map(view.allegations.map((a, i) => [a.id, `Allegation ${i + 1}: ${allegationTitle(a, policy)}`]));
  return (
    <RecordsStep
      view={view}
      title="Written notice"
      heading="Written notice to the subject"
      form={form}
      send={send}
      banner="Written notice recorded"
      intro={
        <InsetText>The member of staff is told of each allegation in writing, and may respond, before the case can go to a decision (ACAS Code).</InsetText>
      }
      recordedHeading="Sent"
      records={view.subjectNotifications}
      cardName="Notice"
      rows={(notice) => [
        { key: 'Sent', value: formatDateTime(notice.sentAt) },
        { key: 'How', value: NOTICE_METHODS[notice.method]?.name ?? notice.method },
        {
          key: 'Allegations',
          value: (
            <ul className="govuk-list">
              {notice.allegationIds.map((allegationId) => (
                <li key={allegationId}>{allegations.get(allegationId) ?? 'An allegation'}</li>
              ))}
            </ul>
          ),
        },
      ]}
      none="No written notice has been recorded yet."
      addHeading="Record a written notice"
      submitText="Record the notice"
    >
      <DateInput id="sent-at" legend="When it was sent" hint={DATE_TIME_HINT} withTime value={sentAt} onChange={setSentAt} error={form.errors.fields.sentAt} />
      <Radios id="method" legend="How it was sent" legendSize="s" {...form.choice('method', method, setMethod)} items={namedItems(NOTICE_METHODS)} />
      {view.allegations.length ? (
        <Checkboxes
          id="allegations"
          legend="The allegations it set out"
          legendSize="s"
          hint="Select all that apply."
          {...form.choices('allegationIds', allegationIds, setAllegationIds)}
          items={view.allegations.map((a, i) => ({ value: a.id, text: `Allegation ${i + 1}`, hint: allegationTitle(a, policy) }))}
        />
      ) : (
        <p className="govuk-body" id="allegations">
          No allegation has been recorded yet.
        </p>
      )}
    </RecordsStep>
  );
}
