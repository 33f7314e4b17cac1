import type { components } from '../../api/schema';
import { SummaryList, Tag, type SummaryRow } from '../../components';
import { formatDateTime, ROLE_NAMES } from '../../lib/format';
import type { Case } from '../decisions/common';

export type Hearing = components['schemas']['HearingResponse'];
export type HearingKind = Hearing['kind'];
export type CompanionCategory = components['schemas']['CompanionInput']['category'];
export type RearrangementBasis = components['schemas']['HearingRearrangementRequest']['basis'];

/** process.md §1: the two kinds of hearing, and where each one's screens are (the case's current one of the kind). */
export const KIND_WORDS: Record<HearingKind, { name: string; title: string; base: (caseId: string) => string }> = {
  disciplinary: { name: 'disciplinary hearing', title: 'Disciplinary hearing', base: (id) => `/cases/${id}/hearing` },
  appeal: { name: 'appeal hearing', title: 'Appeal hearing', base: (id) => `/cases/${id}/appeal/hearing` },
};

/** ERA 1999 s10(3): who may accompany the subject, as people say it. */
export const COMPANION_NAMES: Record<CompanionCategory, string> = {
  work_colleague: 'A work colleague',
  trade_union_representative: 'A trade union representative',
  trade_union_official: 'An official employed by a trade union',
  other_reasonable_adjustment: 'Someone else, as a reasonable adjustment',
};

/** Why a hearing moved, as people say it. */
export const BASIS_NAMES: Record<RearrangementBasis, string> = {
  companion_unavailable: 'The subject’s companion cannot attend: the subject proposed another time',
  chair_decision: 'The chair’s decision',
};

/** The appeal waiting for its decision, if any (an appeal hearing hears it). */
export const pendingAppeal = (found: Case) => found.appeals.find((a) => a.result === null) ?? null;

/**
 * The case's current hearing of the kind (an appeal hearing: of the appeal waiting for its
 * decision), or null. Which one is current is the API's (HearingResponse.current).
 */
export function currentHearing(found: Case, kind: HearingKind): Hearing | null {
  const appeal = kind === 'appeal' ? pendingAppeal(found) : null;
  if (kind === 'appeal' && !appeal) return null;
  return found.hearings.find((h) => h.kind === kind && h.current && (kind === 'disciplinary' || h.appealId === appeal!.id)) ?? null;
}

/** Who chairs it, in words: their role, and "you" when it is the reader. */
export const chairWords = (hearing: Hearing, me: string): string =>
  `${ROLE_NAMES[hearing.chairRole] ?? hearing.chairRole}${hearing.chairUserId === me ? ' (you)' : ''}`;

/** Whether the invitation gave the notice the hearing needs (the API's noticeGiven), or what it still lacks (noticeProblem), as a tag and words. */
export function NoticeWords({ hearing }: { hearing: Hearing }) {
  if (hearing.noticeGiven) return <Tag colour="green">Notice given</Tag>;
  return (
    <span data-testid="notice-problem">
      <Tag colour="yellow">Notice not given yet</Tag> {hearing.noticeProblem ?? ''}
    </span>
  );
}

/** The hearing's arrangements: when, where, who chairs, the notice (the current state, as the API has it). */
export function hearingRows(hearing: Hearing, me: string, evidenceNumber?: Map<string, number>): SummaryRow[] {
  return [
    { key: 'When', value: formatDateTime(hearing.scheduledFor) },
    { key: 'Where', value: hearing.place },
    { key: 'Chair', value: chairWords(hearing, me) },
    { key: 'Invited', value: formatDateTime(hearing.invitedAt) },
    { key: 'Notice', value: <NoticeWords hearing={hearing} /> },
    ...(evidenceNumber
      ? [
          {
            key: 'Evidence relied on',
            value: hearing.evidenceIds.length ? hearing.evidenceIds.map((e) => `Evidence item ${evidenceNumber.get(e) ?? '?'}`).join(', ') : 'None',
          },
        ]
      : []),
  ];
}

/** A hearing's arrangements as a summary list (on the forms, above them). */
export function HearingSummary({ hearing, me }: { hearing: Hearing; me: string }) {
  return <SummaryList rows={hearingRows(hearing, me)} />;
}
