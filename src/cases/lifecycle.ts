import { DomainError } from '../common/errors/domain-error';

/**
 * The case lifecycle of domain.md:
 *
 *   reported ──triage──► closed (no further action / informal resolution)
 *      └──triage: investigate──► investigation ──submit report──► awaiting_decision
 *   awaiting_decision ──record outcome "no_action"──► decided            (no hearing needed)
 *   awaiting_decision ──invite to hearing──► hearing ──(held) record outcome──► decided   (process.md §1)
 *   decided ──appeal lodged──► appeal ──appeal decided──► closed
 *   decided ──close (window passed / by the decision-maker)──► closed
 */
export const CASE_STATUSES = ['reported', 'investigation', 'awaiting_decision', 'hearing', 'decided', 'appeal', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TRIAGE_DECISIONS = ['no_further_action', 'informal_resolution', 'investigate'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export type CaseAction =
  'triage_close' | 'triage_investigate' | 'submit_report' | 'invite_to_hearing' | 'record_outcome' | 'lodge_appeal' | 'decide_appeal' | 'close';

const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  triage_close: { from: ['reported'], to: 'closed' }, // §4: the deputy head triages what is reported
  triage_investigate: { from: ['reported'], to: 'investigation' },
  submit_report: { from: ['investigation'], to: 'awaiting_decision' }, // §4 "establish the facts"
  invite_to_hearing: { from: ['awaiting_decision'], to: 'hearing' }, // ACAS Code: a hearing before any sanction (process.md §1)
  record_outcome: { from: ['awaiting_decision', 'hearing'], to: 'decided' }, // §12; which sanctions need the hearing: hearings/hearing.rules.ts
  lodge_appeal: { from: ['decided'], to: 'appeal' },
  decide_appeal: { from: ['appeal'], to: 'closed' },
  close: { from: ['decided'], to: 'closed' },
};

/** The state `action` leads to from `from`, or a 409 `invalid_transition`. */
export function nextStatus(from: CaseStatus, action: CaseAction): CaseStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    throw DomainError.conflict('invalid_transition', `A case that is ${from.replace(/_/g, ' ')} cannot ${action.replace(/_/g, ' ')}.`);
  }
  return rule.to;
}

/** Only these states accept new investigation material (allegations, facts, interviews, evidence). */
export function isInvestigationOpen(status: CaseStatus): boolean {
  return status === 'investigation';
}

/** After the report is submitted the investigation is read-only (§4; domain.md "Investigation"). */
export function requireInvestigationOpen(status: CaseStatus): void {
  if (!isInvestigationOpen(status)) {
    throw DomainError.conflict('investigation_closed', `The investigation is not open: the case is ${status.replace(/_/g, ' ')}.`);
  }
}

export function triageAction(decision: TriageDecision): CaseAction {
  return decision === 'investigate' ? 'triage_investigate' : 'triage_close';
}
