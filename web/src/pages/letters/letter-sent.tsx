import { useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { api } from '../../api/client';
import { Breadcrumbs, Button, DateInput, ErrorSummary, InsetText, Link, Radios, SummaryList, type DateParts } from '../../components';
import { formatDateTime } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { DATE_TIME_HINT, ukDateTime, ukParts } from '../../lib/uk-time';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { ProblemPage } from '../problem';
import { letterName, loadCaseLetters } from './case-letters';
import { METHOD_NAMES, SENT_MEANS, type LetterKind, type SentMethod } from './words';

const FIELDS = { sentAt: 'sent-at', method: 'method' };
const LABELS = { sentAt: 'When it was sent', method: 'How it was sent' };

/**
 * Recording that a generated letter was sent (POST /cases/:id/letters/:kind/sent: when, how; the
 * subject and record from the letters page's link). The API refuses a letter not generated yet
 * and one already sent (409), and a date in the future or before the record (400, beside the date).
 */
export function LetterSentPage({ id, kind }: { id: string; kind: string }) {
  const [params] = useSearchParams();
  const subject = params.get('subject') ?? undefined;
  const record = params.get('record') ?? undefined;
  const loaded = useLoad(() => loadCaseLetters(id), [id]);
  return (
    <WhenLoaded loaded={loaded}>
      {(data) => {
        const item = data.letters.items.find(
          (letter) => letter.kind === kind && (!subject || letter.subjectStaffId === subject) && (!record || letter.recordId === record),
        );
        if (!item)
          return <ProblemPage problem={{ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail: 'No such letter on this case.' }} />;
        return (
          <SentForm
            id={id}
            reference={data.reference}
            kind={item.kind}
            name={letterName(item)}
            recordAt={item.recordAt}
            subject={item.subjectStaffId}
            record={item.recordId}
          />
        );
      }}
    </WhenLoaded>
  );
}

function SentForm(props: { id: string; reference: string; kind: LetterKind; name: string; recordAt: string; subject: string; record: string }) {
  const { id, reference, kind, name, recordAt, subject, record } = props;
  const [, navigate] = useLocation();
  const [sentAt, setSentAt] = useState<DateParts>(() => ukParts());
  const [method, setMethod] = useState<SentMethod>();
  const form = useApiForm(FIELDS, LABELS);
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/letters/{kind}/sent', {
        params: { path: { id, kind } },
        // method may be unset: the API's 400 names it, beside the radios
        body: { sentAt: ukDateTime(sentAt) ?? '', method: method!, subject, record },
      }),
    () => navigate(`/cases/${id}/letters`, { state: { sent: name } }),
  );
  const title = `Record a letter as sent: case ${reference}`;
  return (
    <Page
      title={form.errors.summary.length ? `Error: ${title}` : title}
      caption={`Case ${reference}`}
      heading="Record a letter as sent"
      before={
        <Breadcrumbs
          items={[
            { text: 'Your work', href: '/' },
            { text: `Case ${reference}`, href: `/cases/${id}` },
            { text: 'Letters', href: `/cases/${id}/letters` },
          ]}
        />
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors.summary} />
          <SummaryList
            rows={[
              { key: 'Letter', value: name },
              { key: 'Made from the record of', value: formatDateTime(recordAt) },
            ]}
          />
          <InsetText>{SENT_MEANS}</InsetText>
          <form onSubmit={send} noValidate>
            <DateInput
              id="sent-at"
              legend={LABELS.sentAt}
              hint={`Not in the future, and not before the record it is made from. ${DATE_TIME_HINT}`}
              withTime
              {...form.field('sentAt', sentAt, setSentAt)}
            />
            <Radios
              id="method"
              legend={LABELS.method}
              items={(Object.keys(METHOD_NAMES) as SentMethod[]).map((value) => ({ value, text: METHOD_NAMES[value] }))}
              {...form.choice('method', method, setMethod)}
            />
            <Button disabled={form.submitting}>Record as sent</Button>
          </form>
          <p className="govuk-body">
            <Link href={`/cases/${id}/letters`}>Back to the letters</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}
