import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearch } from 'wouter';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Button, ErrorSummary, NotificationBanner, SummaryCard, SummaryList, type ChoiceItem, type SummaryRow } from '../../components';
import { formatDate, formatDateTime } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { choiceOf, type Policy } from '../../lib/policy-words';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad, type Loaded } from '../../lib/use-load';
import { FINDING_NAMES } from '../../lib/words';
import { CaseCrumbs } from '../cases/crumbs';

/**
 * What the investigating manager's screens share: the case as the API shows it to the reader,
 * the policy's own words, names for the API's values, and UK dates. The API decides everything;
 * these screens only load, show and send.
 */

export type CaseView = components['schemas']['CaseResponse'];
export type Allegation = components['schemas']['AllegationResponse'];
export type Evidence = components['schemas']['EvidenceResponse'];
export type Monitoring = components['schemas']['MonitoringAuthorisationResponse'];
export type SubmissionStep = components['schemas']['SubmissionBlockerResponse']['step'];

/**
 * The case, as GET /cases/:id shows it to this person (404 — missing or not theirs to see — is
 * "Page not found"), and `update` to show the case a state change answered with (every POST on a
 * case answers with the updated case): no second request, no flash of "Loading…".
 */
export function useCase(id: string): { loaded: Loaded<CaseView>; update: (view: CaseView) => void } {
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  const [updated, setUpdated] = useState<{ id: string; view: CaseView } | null>(null);
  if (loaded.state === 'loaded' && updated?.id === id) return { loaded: { state: 'loaded', data: updated.view }, update: (view) => setUpdated({ id, view }) };
  return { loaded, update: (view) => setUpdated({ id, view }) };
}

/** GET /policy (the same for everyone, so asked once): the policy's own words beside every choice; null until it is in (or if it cannot be had). */
export { choiceOf, usePolicyOrNull as usePolicy, type Policy, type PolicyChoice } from '../../lib/policy-words';

export type Staff = components['schemas']['StaffResponse'];

/**
 * The staff directory (GET /staff, the first 200 by name; a school's staff fit), for choosing a
 * person and for naming who handled evidence. Empty for someone the API does not let list it.
 */
export function useStaff(): Staff[] {
  const loaded = useLoad(() => api.GET('/staff', { params: { query: { limit: 200 } } }), []);
  return loaded.state === 'loaded' ? loaded.data.items : [];
}

/**
 * A screen about one case: loads it (and the policy's words), shows "Page not found" when the API
 * says 404 and what it said otherwise; `children` renders with the case.
 */
export function CaseScreen({ id, children }: { id: string; children: (view: CaseView, update: (view: CaseView) => void) => ReactNode }) {
  const { loaded, update } = useCase(id);
  return <WhenLoaded loaded={loaded}>{(view) => children(view, update)}</WhenLoaded>;
}

/** Your work › Case SMP-… › Investigation (› …): where this screen sits. */
export function InvestigationBreadcrumbs({ view, here = [] }: { view: CaseView; here?: { text: string; href: string }[] }) {
  return <CaseCrumbs found={view} here={[{ text: 'Investigation', href: `/cases/${view.id}/investigation` }, ...here]} />;
}

/** "Error: " before the title while a form shows errors (GOV.UK). */
export const titled = (title: string, errors: { summary: unknown[] }) => (errors.summary.length ? `Error: ${title}` : title);

/** Two-thirds of the page: forms and prose (GOV.UK layout). */
export function TwoThirds({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

/** A form that records one more of a case's records (a fact, an interview…): `added` once it has, until the next try. */
export function useRecordForm(fields: Record<string, string>, labels: Record<string, string>) {
  const form = useApiForm(fields, labels);
  const [added, setAdded] = useState(false);
  return { ...form, added, setAdded };
}

/**
 * An investigation step that keeps a list of records (facts, interviews, notices, responses): its
 * page, the success banner once one is recorded, the errors, the records so far as summary cards
 * ("Fact 1", "Fact 2"…), then the form for a new one (`children`: its fields).
 */
export function RecordsStep<T extends { id: string }>({
  view,
  title,
  heading = title,
  form,
  send,
  banner,
  intro,
  recordedHeading,
  records,
  cardName,
  rows,
  none,
  addHeading,
  submitText,
  children,
}: {
  view: CaseView;
  title: string;
  heading?: string;
  form: ReturnType<typeof useRecordForm>;
  send: (event: FormEvent) => Promise<void>;
  banner: string;
  intro?: ReactNode;
  recordedHeading: string;
  records: T[];
  cardName: string;
  rows: (record: T) => SummaryRow[];
  none: string;
  addHeading: string;
  submitText: string;
  children: ReactNode;
}) {
  return (
    <Page
      title={titled(`${title} – Case ${view.reference}`, form.errors)}
      caption={`Case ${view.reference}`}
      heading={heading}
      before={<InvestigationBreadcrumbs view={view} />}
    >
      <TwoThirds>
        {form.added && <NotificationBanner success heading={banner} />}
        <ErrorSummary errors={form.errors.summary} />
        {intro}
        <h2 className="govuk-heading-m">{recordedHeading}</h2>
        {records.length ? (
          records.map((record, i) => (
            <SummaryCard key={record.id} title={`${cardName} ${i + 1}`}>
              <SummaryList rows={rows(record)} />
            </SummaryCard>
          ))
        ) : (
          <p className="govuk-body">{none}</p>
        )}
        <h2 className="govuk-heading-m">{addHeading}</h2>
        <form
          onSubmit={(event) => {
            form.setAdded(false);
            void send(event);
          }}
          noValidate
        >
          {children}
          <Button disabled={form.submitting}>{submitText}</Button>
        </form>
      </TwoThirds>
    </Page>
  );
}

/** What a screen says after the person has done something and come back (?done=… in the address: no case content). */
const DONE: Record<string, string> = {
  monitoring: 'Monitoring requested: it now waits for a decision (§9, §11)',
  disclosure: 'Disclosure recorded',
  finding: 'Finding recorded',
  handover: 'Hand-over recorded in the chain of custody',
};

/** The success banner for `?done=…`, if any. */
export function DoneBanner() {
  const done = new URLSearchParams(useSearch()).get('done');
  if (!done || !DONE[done]) return null;
  return <NotificationBanner success heading={DONE[done]} />;
}

// --- names for the API's values ---

export const EVIDENCE_KINDS: Record<Evidence['kind'], { name: string; hint: string }> = {
  screenshot: { name: 'Screenshot', hint: 'An image of a screen: a post, a message, a profile.' },
  post_capture: { name: 'Capture of a post or page', hint: 'A saved copy of the post or page itself (an archive, a PDF of the page).' },
  document: { name: 'Document', hint: 'A letter, e-mail, minutes or other document.' },
  statement: { name: 'Statement', hint: 'A written statement by someone involved.' },
  monitoring_extract: {
    name: 'Monitoring extract',
    hint: 'Obtained by monitoring (§9, §11): it must rest on an approved, unexpired monitoring authorisation of this case whose period covers when it was captured.',
  },
};

export const SENSITIVITIES: Record<Evidence['sensitivity'], { name: string; hint: string }> = {
  personal: {
    name: 'Personal data',
    hint: 'Everyone who may see the case may read its description and content.',
  },
  special_category: {
    name: 'Special category data',
    hint: 'UK GDPR Article 9 data: health, racial or ethnic origin, political opinions, religious or philosophical beliefs, trade union membership, genetic or biometric data, sex life or sexual orientation. Only the assigned investigating manager, the person who decides the outcome and the appeal panel may read its description and content; everyone else who may see the case sees only that it exists (its kind, date and hash).',
  },
};

export const FINDINGS: Record<
  'substantiated' | 'not_substantiated' | 'inconclusive',
  { name: string; hint: string; colour: 'red' | 'green' | 'yellow' | 'grey' }
> = {
  substantiated: { name: 'Substantiated', hint: 'The evidence shows, on the balance of probabilities, that it happened as alleged.', colour: 'red' },
  not_substantiated: { name: 'Not substantiated', hint: 'The evidence shows that it did not happen as alleged.', colour: 'green' },
  inconclusive: { name: 'Inconclusive', hint: 'The evidence does not show either way.', colour: 'yellow' },
};

/** A recorded finding's name and colour (a value not named above: shown as it is). */
export const findingOf = (value: string) =>
  FINDINGS[value as keyof typeof FINDINGS] ?? { name: FINDING_NAMES[value] ?? value, hint: '', colour: KCSIE_COLOURS[value] ?? ('grey' as const) };

/** KCSIE's categories (a safeguarding case's findings), coloured as the ordinary ones: proven red, disproven green, neither yellow. */
const KCSIE_COLOURS: Record<string, 'red' | 'green' | 'yellow'> = { malicious: 'green', false: 'green', unfounded: 'green', unsubstantiated: 'yellow' };

export const NOTICE_METHODS: Record<components['schemas']['SubjectNotificationRequest']['method'], { name: string; hint: string }> = {
  letter: { name: 'Letter', hint: 'Sent by post or left for them.' },
  email: { name: 'E-mail', hint: 'To their work or personal e-mail address.' },
  hand_delivered: { name: 'Handed to them', hint: 'A letter handed to them in person.' },
};

export const CAPACITIES: Record<components['schemas']['InterviewRequest']['capacity'], { name: string; hint: string }> = {
  subject: { name: 'The subject', hint: 'The member of staff the allegations are about.' },
  witness: { name: 'A witness', hint: 'Someone who saw or knows something about what happened.' },
};

/** One of these names maps (a value → its name and hint) as radio items, in its order. */
export const namedItems = <K extends string>(names: Record<K, { name: string; hint: string }>): ChoiceItem[] =>
  (Object.keys(names) as K[]).map((value) => ({ value, text: names[value].name, hint: names[value].hint }));

export const CUSTODY_ACTIONS: Record<components['schemas']['CustodyEventResponse']['action'], string> = {
  collected: 'Collected',
  viewed: 'Viewed',
  downloaded: 'Downloaded',
  handed_over: 'Handed over',
  integrity_failed: 'Integrity check failed',
};

export const MONITORING_STATUSES: Record<Monitoring['status'], { name: string; colour: 'yellow' | 'green' | 'red' }> = {
  pending: { name: 'Waiting for a decision', colour: 'yellow' },
  approved: { name: 'Approved', colour: 'green' },
  rejected: { name: 'Rejected', colour: 'red' },
};

/** "§7.5 Information about the school, its staff or governors" or "App.A Breaching confidentiality": the clause an allegation is tied to. */
export function clausesOf(allegation: Allegation, policy: Policy | null): { title: string; words?: string }[] {
  const found: { title: string; words?: string }[] = [];
  if (allegation.policyStandard) {
    const choice = choiceOf(policy?.standards, allegation.policyStandard);
    found.push(choice ? { title: `${choice.clause} ${choice.label}`, words: choice.words } : { title: `§${allegation.policyStandard}` });
  }
  if (allegation.category) {
    const choice = choiceOf(policy?.categories, allegation.category);
    found.push(choice ? { title: `${choice.clause} ${choice.label}`, words: choice.words } : { title: `App.A ${allegation.category}` });
  }
  return found;
}

/** An allegation in one line: its clause(s) and summary. */
export const allegationTitle = (allegation: Allegation, policy: Policy | null) =>
  `${clausesOf(allegation, policy)
    .map((clause) => clause.title)
    .join('; ')}: ${allegation.summary}`;

/** An item of evidence in one line (a withheld item: only that it exists). */
export const evidenceTitle = (item: Evidence) =>
  `${EVIDENCE_KINDS[item.kind]?.name ?? item.kind}${item.withheld ? ' (withheld)' : item.description ? `: ${item.description}` : ''}`;

/** 1 234 bytes → "1.2 KB". */
export function formatBytes(size: number | null): string {
  if (size === null) return 'Not shown';
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export const periodText = (from: string, to: string) => `${formatDate(from)} to ${formatDate(to)}`;
export { formatDate, formatDateTime };

export { DATE_HINT, DATE_TIME_HINT, ukInstant } from '../../lib/uk-time';
