import { useHistoryState } from 'wouter/use-browser-location';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Breadcrumbs, Button, ButtonGroup, ErrorSummary, InsetText, Link, NotificationBanner, SummaryCard, SummaryList, Tag } from '../../components';
import { formatDateTime } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { useDownload } from '../hr/download';
import { AUTHOR_NAMES, METHOD_NAMES, SENT_MEANS } from './words';

type Letters = components['schemas']['CaseLettersResponse'];
type Item = components['schemas']['LetterItem'];

/** GET /cases/:id (for its reference) and GET /cases/:id/letters, as one answer. */
export async function loadCaseLetters(id: string) {
  const [found, letters] = await Promise.all([
    api.GET('/cases/{id}', { params: { path: { id } } }),
    api.GET('/cases/{id}/letters', { params: { path: { id } } }),
  ]);
  if (!found.response.ok) return { data: undefined, error: found.error, response: found.response };
  if (!letters.response.ok || !found.data || !letters.data) return { data: undefined, error: letters.error, response: letters.response };
  return { data: { reference: found.data.reference, letters: letters.data }, response: letters.response };
}

/** A letter's query: which subject and record it is (the API's defaults otherwise). */
export const letterQuery = (item: Pick<Item, 'subjectStaffId' | 'recordId'>) => ({ subject: item.subjectStaffId, record: item.recordId });

/** What a letter is called on screen: its title, and to whom when that is known. */
export const letterName = (item: Item) => `${item.title}${item.subjectName ? `, to ${item.subjectName}` : ''}`;

/**
 * The letters of a case's written steps (GET /cases/:id/letters; process.md §2, docs/letters.md):
 * one per record and subject, each with its state; for those this person may make (the API's
 * `mayGenerate`), the letter as PDF or DOCX and "Record as sent".
 */
export function CaseLettersPage({ id }: { id: string }) {
  const loaded = useLoad(() => loadCaseLetters(id), [id]);
  return <WhenLoaded loaded={loaded}>{(data) => <LettersView id={id} reference={data.reference} letters={data.letters} />}</WhenLoaded>;
}

function LettersView({ id, reference, letters }: { id: string; reference: string; letters: Letters }) {
  const sent = (useHistoryState<{ sent?: string } | null>() ?? {}).sent;
  return (
    <Page
      title={`Letters: case ${reference}`}
      caption={`Case ${reference}`}
      heading="Letters"
      before={
        <Breadcrumbs
          items={[
            { text: 'Your work', href: '/' },
            { text: `Case ${reference}`, href: `/cases/${id}` },
          ]}
        />
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {sent && <NotificationBanner success heading={`Recorded as sent: ${sent}`} />}
          <p className="govuk-body">
            Each written step of the process has its letter, made from the case’s own records on the school’s letterhead. Download it as a PDF, or as a Word
            document to edit before sending.
          </p>
          <InsetText>{SENT_MEANS}</InsetText>
          {letters.items.length === 0 ? (
            <p className="govuk-body">The case has no record a letter is made from yet: the notice of the allegations, the outcome or an appeal decision.</p>
          ) : (
            letters.items.map((item) => <LetterCard key={`${item.kind}:${item.recordId}:${item.subjectStaffId}`} id={id} reference={reference} item={item} />)
          )}
        </div>
      </div>
    </Page>
  );
}

function LetterCard({ id, reference, item }: { id: string; reference: string; item: Item }) {
  const download = useDownload();
  const name = letterName(item);
  const get = (format: 'pdf' | 'docx') => () =>
    api.GET('/cases/{id}/letters/{kind}', { params: { path: { id, kind: item.kind }, query: { format, ...letterQuery(item) } }, parseAs: 'blob' });
  const fallback = (format: string) => `${reference}-${item.kind.replace(/_/g, '-')}.${format}`;
  const state =
    item.state === 'sent' ? (
      <>
        <Tag colour="green">Sent</Tag> {item.sentAt && formatDateTime(item.sentAt)}
        {item.sentMethod && `, ${METHOD_NAMES[item.sentMethod].toLowerCase()}`}
      </>
    ) : item.state === 'generated' ? (
      <>
        <Tag colour="blue">Generated, not sent</Tag> {item.lastGeneratedAt && `last on ${formatDateTime(item.lastGeneratedAt)}`}
      </>
    ) : (
      <Tag colour="grey">Not generated</Tag>
    );
  const search = new URLSearchParams(letterQuery(item)).toString();
  return (
    <section aria-label={name} data-testid={`letter-${item.kind}-${item.subjectStaffId}`}>
      <SummaryCard title={name} headingLevel={2}>
        <SummaryList
          rows={[
            { key: 'Step', value: item.step },
            { key: 'To', value: item.subjectName ?? 'Name erased' },
            { key: 'Made from the record of', value: formatDateTime(item.recordAt) },
            { key: 'State', value: state },
            { key: 'Made and sent by', value: AUTHOR_NAMES[item.author] },
          ]}
        />
        {item.mayGenerate ? (
          <>
            {download.status.state === 'failed' && <ErrorSummary errors={[{ text: download.status.problem.detail }]} title="The letter could not be made" />}
            <ButtonGroup>
              <Button
                type="button"
                variant="secondary"
                disabled={download.status.state === 'busy'}
                onClick={() => void download.start(get('pdf'), fallback('pdf'))}
              >
                Download PDF<span className="govuk-visually-hidden"> ({name})</span>
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={download.status.state === 'busy'}
                onClick={() => void download.start(get('docx'), fallback('docx'))}
              >
                Download Word document<span className="govuk-visually-hidden"> ({name})</span>
              </Button>
              {item.state !== 'sent' && (
                <Link href={`/cases/${id}/letters/${item.kind}/sent?${search}`}>
                  Record as sent<span className="govuk-visually-hidden"> ({name})</span>
                </Link>
              )}
            </ButtonGroup>
            <p className="govuk-body" role="status">
              {download.status.state === 'busy' && 'Making the letter…'}
              {download.status.state === 'done' && `Downloaded ${download.status.name}.`}
            </p>
          </>
        ) : (
          <p className="govuk-body">Only {AUTHOR_NAMES[item.author]} makes this letter and records it sent.</p>
        )}
      </SummaryCard>
    </section>
  );
}
