import { useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { WhenLoaded } from '../../lib/loaded';
import { CaseCrumbs } from '../cases/crumbs';
import { problemOf } from '../../api/problem';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/use-session';
import {
  Breadcrumbs,
  Button,
  ButtonGroup,
  ButtonLink,
  DateInput,
  EMPTY_DATE_TIME,
  ErrorSummary,
  Input,
  InsetText,
  Link,
  NotificationBanner,
  SummaryList,
  Tag,
  Textarea,
  type DateParts,
} from '../../components';
import { ROLE_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import {
  CaseScreen,
  choiceOf,
  CUSTODY_ACTIONS,
  DATE_TIME_HINT,
  DoneBanner,
  EVIDENCE_KINDS,
  formatBytes,
  formatDateTime,
  periodText,
  SENSITIVITIES,
  titled,
  TwoThirds,
  ukInstant,
  usePolicy,
  useStaff,
  type CaseView,
} from './common';

type EvidenceDetail = components['schemas']['EvidenceDetailResponse'];

/** The item as GET /cases/:id/evidence/:evidenceId shows it to this person (the look is recorded in its custody). */
function EvidenceScreen({ id, evidenceId, children }: { id: string; evidenceId: string; children: (view: CaseView, item: EvidenceDetail) => ReactNode }) {
  return (
    <CaseScreen id={id}>
      {(view) => (
        <ItemLoader caseId={id} evidenceId={evidenceId}>
          {(item) => children(view, item)}
        </ItemLoader>
      )}
    </CaseScreen>
  );
}

function ItemLoader({ caseId, evidenceId, children }: { caseId: string; evidenceId: string; children: (item: EvidenceDetail) => ReactNode }) {
  const loaded = useLoad(() => api.GET('/cases/{id}/evidence/{evidenceId}', { params: { path: { id: caseId, evidenceId } } }), [caseId, evidenceId]);
  return <WhenLoaded loaded={loaded}>{children}</WhenLoaded>;
}

const crumbs = (view: CaseView) => <CaseCrumbs found={view} />;

/**
 * /cases/:id/evidence/:evidenceId — an item of evidence: what it is, its SHA-256, size and media
 * type, its sensitivity (a withheld item says so, and shows only that it exists), its chain of
 * custody (MOJ timeline, newest first), a download, and recording a hand-over.
 *
 * The download: the access token lives in memory only, so a plain link cannot carry it. The page
 * fetches GET …/content with the token (the typed client), makes the bytes an object URL and
 * clicks a download link to it, then lets it go. No short-lived download URL was added to the
 * API: a bearer in a URL ends up in logs and history, and fetch → blob does the job for files of
 * evidence size (25 MB at most).
 */
export function EvidenceItemPage({ id, evidenceId }: { id: string; evidenceId: string }) {
  return (
    <EvidenceScreen id={id} evidenceId={evidenceId}>
      {(view, item) => <EvidenceItem view={view} item={item} />}
    </EvidenceScreen>
  );
}

/** The name the browser saves the file under: the API's Content-Disposition, or the uploaded name. */
function filenameOf(response: Response, item: EvidenceDetail): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? item.originalFilename ?? `evidence-${item.id}`;
}

function EvidenceItem({ view, item }: { view: CaseView; item: EvidenceDetail }) {
  const policy = usePolicy();
  const staff = useStaff();
  const state = useSession();
  const me = state.status === 'signed-in' ? state.user.id : null;
  const [downloading, setDownloading] = useState(false);
  const [downloaded, setDownloaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const nameOf = (userId: string, role: string | null) => {
    const person = userId === me ? 'You' : (staff.find((s) => s.userId === userId)?.name ?? null);
    const roleName = role ? (ROLE_NAMES[role] ?? role) : null;
    return [person, roleName && (person ? `(${roleName.toLowerCase()})` : roleName)].filter(Boolean).join(' ') || 'Someone';
  };

  const download = async () => {
    setDownloading(true);
    setProblem(null);
    setDownloaded(false);
    try {
      const { data, error, response } = await api.GET('/cases/{id}/evidence/{evidenceId}/content', {
        params: { path: { id: view.id, evidenceId: item.id } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) {
        setProblem(problemOf(error, response).detail);
        return;
      }
      const url = URL.createObjectURL(data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filenameOf(response, item);
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDownloaded(true);
    } catch (error) {
      setProblem(problemOf(error).detail);
    } finally {
      setDownloading(false);
    }
  };

  const authorisation = item.monitoringAuthorisationId ? view.monitoring.find((m) => m.id === item.monitoringAuthorisationId) : undefined;
  const kind = EVIDENCE_KINDS[item.kind]?.name ?? item.kind;
  const custody = [...item.custody].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Page title={`Evidence item – Case ${view.reference}`} caption={`Case ${view.reference}: evidence`} heading={kind} before={crumbs(view)}>
      <TwoThirds>
        <DoneBanner />
        {downloaded && (
          <NotificationBanner success heading="Downloaded">
            <p className="govuk-body">The download is recorded in the chain of custody and the audit log.</p>
          </NotificationBanner>
        )}
        <ErrorSummary errors={problem ? [{ text: problem }] : []} />
        {item.withheld && (
          <InsetText>
            This item is special category data (§13). Only the assigned investigating manager, the person who decides the outcome and the appeal panel may read
            its description and content: you can see that it exists, its kind, dates and hash.
          </InsetText>
        )}
        <SummaryList
          rows={[
            { key: 'Kind', value: kind },
            { key: 'Description', value: item.withheld ? 'Withheld' : (item.description ?? 'None') },
            { key: 'Source', value: item.withheld ? 'Withheld' : (item.source ?? 'None') },
            { key: 'Captured', value: formatDateTime(item.capturedAt) },
            { key: 'Added', value: `${formatDateTime(item.createdAt)} by ${nameOf(item.recordedByUserId, null)}` },
            {
              key: 'SHA-256',
              value: (
                <code className="govuk-!-text-break-word" data-testid="sha256">
                  {item.sha256}
                </code>
              ),
            },
            { key: 'Size', value: formatBytes(item.size) },
            { key: 'Media type', value: item.mediaType ?? 'Not shown' },
            ...(item.originalFilename ? [{ key: 'File name', value: <span className="govuk-!-text-break-word">{item.originalFilename}</span> }] : []),
            {
              key: 'Sensitivity',
              value: (
                <>
                  <Tag colour={item.sensitivity === 'special_category' ? 'purple' : 'grey'}>{SENSITIVITIES[item.sensitivity]?.name ?? item.sensitivity}</Tag>
                  <p className="govuk-hint govuk-!-margin-top-2 govuk-!-margin-bottom-0">{SENSITIVITIES[item.sensitivity]?.hint}</p>
                </>
              ),
            },
            ...(item.monitoringAuthorisationId
              ? [
                  {
                    key: 'Obtained under',
                    value: authorisation
                      ? `Monitoring of ${(choiceOf(policy?.monitoringScopes, authorisation.scope)?.label ?? authorisation.scope).toLowerCase()}, ${periodText(authorisation.periodFrom, authorisation.periodTo)}`
                      : 'A monitoring authorisation',
                  },
                ]
              : []),
            ...(item.redactsEvidenceId
              ? [{ key: 'A redacted copy of', value: <Link href={`/cases/${view.id}/evidence/${item.redactsEvidenceId}`}>the original item</Link> }]
              : []),
          ]}
        />
        <ButtonGroup>
          <Button type="button" onClick={() => void download()} disabled={downloading}>
            {downloading ? 'Downloading…' : 'Download the file'}
          </Button>
          <ButtonLink href={`/cases/${view.id}/evidence/${item.id}/handover`} variant="secondary">
            Record a hand-over
          </ButtonLink>
        </ButtonGroup>
        <h2 className="govuk-heading-m">Chain of custody</h2>
        <p className="govuk-body">Every view, download and hand-over of this item, newest first.</p>
        {/* MOJ timeline markup, written here: the shared Timeline puts no space between an entry's title and its byline ("Viewedby You") */}
        <div className="moj-timeline">
          {custody.map((event, i) => (
            <div key={`${event.at}-${i}`} className="moj-timeline__item">
              <div className="moj-timeline__header">
                <h3 className="moj-timeline__title">
                  {event.action === 'handed_over' && event.to ? `Handed over to ${event.to}` : (CUSTODY_ACTIONS[event.action] ?? event.action)}
                </h3>{' '}
                <p className="moj-timeline__byline">by {nameOf(event.userId, event.role)}</p>
              </div>
              <p className="moj-timeline__date">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </p>
              {(event.handedOverAt || event.note) && (
                <div className="moj-timeline__description">
                  {event.handedOverAt && <p className="govuk-body">Changed hands on {formatDateTime(event.handedOverAt)}.</p>}
                  {event.note && <p className="govuk-body">{event.note}</p>}
                </div>
              )}
            </div>
          ))}
        </div>
      </TwoThirds>
    </Page>
  );
}

/** /cases/:id/evidence/:evidenceId/handover — the item changes hands: to whom, when, and a note. */
export function HandoverPage({ id, evidenceId }: { id: string; evidenceId: string }) {
  return (
    <EvidenceScreen id={id} evidenceId={evidenceId}>
      {(view, item) => <Handover view={view} item={item} />}
    </EvidenceScreen>
  );
}

function Handover({ view, item }: { view: CaseView; item: EvidenceDetail }) {
  const [, navigate] = useLocation();
  const [to, setTo] = useState('');
  const [handedOverAt, setHandedOverAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [note, setNote] = useState('');
  const form = useApiForm({ to: 'to', handedOverAt: 'handed-over-at', note: 'note' }, { to: 'To whom', handedOverAt: 'When it changed hands', note: 'Note' });
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/evidence/{evidenceId}/handovers', {
        params: { path: { id: view.id, evidenceId: item.id } },
        body: { to, handedOverAt: ukInstant(handedOverAt, { withTime: true }), ...(note.trim() ? { note } : {}) },
      }),
    () => navigate(`/cases/${view.id}/evidence/${item.id}?done=handover`),
  );
  const kind = EVIDENCE_KINDS[item.kind]?.name ?? item.kind;
  return (
    <Page
      title={titled(`Record a hand-over – Case ${view.reference}`, form.errors)}
      caption={`Case ${view.reference}: ${kind.toLowerCase()}`}
      heading="Record a hand-over"
      before={
        <Breadcrumbs
          items={[
            { text: 'Your work', href: '/' },
            { text: `Case ${view.reference}`, href: `/cases/${view.id}` },
            { text: 'Evidence item', href: `/cases/${view.id}/evidence/${item.id}` },
          ]}
        />
      }
    >
      <TwoThirds>
        <ErrorSummary errors={form.errors.summary} />
        <p className="govuk-body">
          SHA-256 <code className="govuk-!-text-break-word">{item.sha256}</code>
        </p>
        <form onSubmit={send} noValidate>
          <Input
            id="to"
            label="To whom"
            labelSize="s"
            hint="Their name and organisation, for example “HR Services, Peterborough City Council”."
            {...form.text('to', to, setTo)}
          />
          <DateInput
            id="handed-over-at"
            legend="When it changed hands"
            hint={DATE_TIME_HINT}
            withTime
            {...form.field('handedOverAt', handedOverAt, setHandedOverAt)}
          />
          <Textarea id="note" label="Note (optional)" labelSize="s" hint="How it was handed over and why." rows={3} {...form.text('note', note, setNote)} />
          <Button disabled={form.submitting}>Record the hand-over</Button>
        </form>
      </TwoThirds>
    </Page>
  );
}
