import type { Actor } from '../access/actor';
import { actingRole, caseBlocked } from '../access/case-access.policy';
import { CaseFacts, decisionMakerRole, Involvement, involvementOf, mayHearAppeal } from '../access/conflicts';
import type { ActingOptions, LetterAuthor } from '../access/case-access.policy';
import { hasPermission, Permission } from '../access/permissions';
import type { Role } from '../access/roles';
import { sanctionsOpenTo } from '../hearings/hearing.rules';
import { SubmissionBlocker, submissionMissing } from '../investigations/investigation.rules';
import { Sanction, SANCTIONS } from '../outcomes/outcome.rules';
import { maySuspendDuring } from '../suspensions/suspension.rules';
import type { CaseStatus } from './lifecycle';

/**
 * What the case says to the person reading it: what they may do now, how they are involved,
 * the next step and who takes it, and what still blocks the investigation report. The API
 * decides; a client (the web application) only explains. Pure: from the access facts, the
 * reader and the (unredacted) view.
 */

/** The things a person can do on a case, each one route (or group of routes) of the API. */
export const CASE_ACTIONS = [
  'triage',
  'refer_safeguarding',
  'consult_lado',
  'assign',
  // process.md §6: more working days for the investigation, with a reason
  'extend_investigation',
  'investigate',
  'request_monitoring',
  'decide_monitoring',
  'submit_report',
  // process.md §1: the disciplinary hearing (invite, or rearrange as its chair) and its record
  'arrange_hearing',
  'record_hearing',
  'record_outcome',
  'lodge_appeal',
  'arrange_appeal_hearing',
  'record_appeal_hearing',
  'decide_appeal',
  'record_referral_decision',
  'suspend',
  'review_suspension',
  'write_letters',
  'close',
  'place_legal_hold',
  'lift_legal_hold',
  'read_summary',
  'read_audit',
  // §6, process.md §4: grievances, and pausing the disciplinary process for one
  'lodge_grievance',
  'decide_grievance',
  'pause_process',
  'resume_process',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What the guidance reads of a case beyond its access facts. */
export interface GuidanceInput {
  status: CaseStatus;
  erased: boolean;
  legalHold: boolean;
  sanction: string | null;
  appealDeadline: string | null;
  pendingMonitoringRequests: number;
  allegations: ReadonlyArray<{ id: string; finding: { finding: string } | null }>;
  notifiedAllegationIds: readonly string[];
  responses: number;
  retainUntil: string | null;
  /** KCSIE Part 4: a safeguarding case's findings are in KCSIE's categories. */
  safeguarding?: boolean;
  /** KCSIE Part 4: the barring referral decisions (dbs, tra) still to record before the case may close. */
  referralDecisionsRequired?: readonly string[];
  /** process.md §1: the suspensions of the case that are active now (not ended, not lapsed). */
  activeSuspensions?: number;
  /** process.md §1: the current disciplinary hearing (its chair, whether held), or null. */
  hearing?: { chairUserId: string; held: boolean } | null;
  /** process.md §1: the current hearing of the appeal waiting for its decision, or null. */
  appealHearing?: { chairUserId: string; held: boolean } | null;
  /** The role its chair sits in. */
  appealHearingChairRole?: Role | null;
  /** process.md §2: who takes the written steps whose records the case holds (a letter can be made for each). */
  letterAuthors?: readonly LetterAuthor[];
  /** process.md §4: the grievances related to the disciplinary process and not yet decided (the process may be paused for one). */
  pausableGrievances?: number;
}

export interface CaseGuidance {
  /** What this person may do on the case now. */
  actions: CaseAction[];
  /** How this person is involved in the case (their own conflicts), so a refusal can be explained. */
  involvement: Involvement[];
  /** The next step of the process and the role that takes it (null: nobody, or nothing left to do). */
  nextStep: { description: string; by: Role | null };
  /** While investigating: whether the report may go to the decision-maker, and what is missing (in words, and by step). */
  submission: { ready: boolean; blockers: string[]; missing: SubmissionBlocker[] };
  /**
   * The reader investigated the case and holds a deciding role: they may record its outcome only
   * with a separation waiver (ACAS: a small school; `separationWaiverReason`, audited).
   */
  separationWaiver: boolean;
  /**
   * The sanctions the reader may record as the outcome now (process.md §1; ACAS Code): only no
   * action before a disciplinary hearing is held; after it, every sanction for its chair and none
   * for anyone else (with `separationWaiver`: under the waiver). Empty when the reader may not record the outcome.
   */
  outcomeSanctions: Sanction[];
}

const ROLE_WORDS: Record<'headteacher' | 'governor', string> = { headteacher: 'the headteacher', governor: 'the governors' };

export function caseGuidance(actor: Actor, facts: CaseFacts, input: GuidanceInput, now = new Date()): CaseGuidance {
  const may = (permission: Permission, options?: ActingOptions) => actingRole(actor, facts, permission, options) !== null;
  const missing = submissionMissing({
    allegations: input.allegations.map((a) => ({ id: a.id, finding: (a.finding?.finding ?? null) as never })),
    notifiedAllegationIds: new Set(input.notifiedAllegationIds),
    responses: input.responses,
    safeguarding: input.safeguarding,
  });
  const blockers = missing.map((blocker) => blocker.description);
  const windowOpen = input.appealDeadline !== null && new Date(input.appealDeadline) > now;
  const open = !input.erased;
  const hearing = input.hearing ?? null;
  const appealHearing = input.appealHearing ?? null;
  const chairs = (h: { chairUserId: string } | null) => h !== null && h.chairUserId === actor.userId;
  const deciding = input.status === 'awaiting_decision' || input.status === 'hearing';
  // ACAS (a small school): the investigating manager in a deciding role decides under the separation waiver — and then chairs the hearing
  const waiverOnly = deciding && !may('outcome:decide') && may('outcome:decide', { separationWaived: true }) && (hearing === null || chairs(hearing));
  const outcomeSanctions =
    deciding && (may('outcome:decide') || waiverOnly)
      ? sanctionsOpenTo(hearing && { chairUserId: hearing.chairUserId, heldAt: hearing.held ? now : null }, actor.userId, SANCTIONS)
      : [];
  const paused = facts.grievances?.paused ?? null;
  const when: Record<CaseAction, boolean> = {
    triage: input.status === 'reported' && may('cases:triage'),
    refer_safeguarding: open && may('cases:safeguarding'),
    // KCSIE Part 4: whoever may refer may consult the LADO (a consultation makes the case safeguarding)
    consult_lado: open && may('cases:safeguarding'),
    assign: input.status === 'investigation' && may('cases:assign'),
    extend_investigation: input.status === 'investigation' && facts.investigatorUserId !== null && may('cases:assign'),
    investigate: input.status === 'investigation' && may('investigation:write'),
    request_monitoring: input.status === 'investigation' && may('monitoring:request'),
    decide_monitoring: input.status === 'investigation' && input.pendingMonitoringRequests > 0 && may('monitoring:decide'),
    submit_report: input.status === 'investigation' && blockers.length === 0 && may('investigation:write'),
    // process.md §1 (ACAS Code): a hearing before any sanction but no action; its chair arranges and records it, and decides
    arrange_hearing: may('outcome:decide') && (input.status === 'awaiting_decision' || (input.status === 'hearing' && hearing !== null && !hearing.held)),
    record_hearing: input.status === 'hearing' && chairs(hearing) && !hearing!.held && may('outcome:decide'),
    record_outcome: outcomeSanctions.length > 0 && !waiverOnly,
    lodge_appeal: input.status === 'decided' && input.sanction !== null && input.sanction !== 'no_action' && may('appeals:lodge'),
    arrange_appeal_hearing: input.status === 'appeal' && !(appealHearing?.held ?? false) && may('appeals:decide'),
    record_appeal_hearing: input.status === 'appeal' && chairs(appealHearing) && !appealHearing!.held && may('appeals:decide'),
    decide_appeal: input.status === 'appeal' && chairs(appealHearing) && appealHearing!.held && may('appeals:decide'),
    // KCSIE Part 4: a safeguarding dismissal does not close before its DBS (and TRA) referral decision
    // KCSIE Part 4: the DBS / TRA referral decisions on a safeguarding case, any time, by the decision-maker
    record_referral_decision: open && input.safeguarding === true && may('outcome:decide'),
    // process.md §1: a precautionary suspension during the process, by the acting decision-maker; reviewed while active
    suspend: open && maySuspendDuring(input.status) && may('outcome:decide'),
    review_suspension: open && (input.activeSuspensions ?? 0) > 0 && may('outcome:decide'),
    // process.md §2: the letter of a written step the case records, by the person who takes that step
    write_letters: open && (input.letterAuthors ?? []).some((letterAuthor) => may('letters:write', { letterAuthor })),
    close: input.status === 'decided' && !windowOpen && !input.referralDecisionsRequired?.length && may('cases:close'),
    place_legal_hold: open && !input.legalHold && may('retention:manage'),
    lift_legal_hold: open && input.legalHold && may('retention:manage'),
    read_summary: may('summaries:read'),
    read_audit: hasPermission(actor.roles, 'audit:read'),
    // §6, process.md §4: recorded while the case is open; heard by someone uninvolved; the process paused for a related one and resumed after its decision
    lodge_grievance: open && input.status !== 'closed' && may('grievances:lodge'),
    decide_grievance: open && facts.grievances?.undecided === true && may('grievances:decide'),
    pause_process: open && input.status !== 'closed' && !paused && (input.pausableGrievances ?? 0) > 0 && may('outcome:decide'),
    resume_process: open && paused?.grievanceDecided === true && may('outcome:decide'),
  };
  return {
    actions: CASE_ACTIONS.filter((action) => when[action]),
    involvement: [...involvementOf(actor, facts)],
    nextStep: nextStep(facts, input, blockers, windowOpen),
    submission: {
      ready: input.status === 'investigation' && blockers.length === 0,
      blockers: input.status === 'investigation' ? blockers : [],
      missing: input.status === 'investigation' ? missing : [],
    },
    separationWaiver: waiverOnly,
    outcomeSanctions,
  };
}

/**
 * The role the case waits for: its next step's `by`, the same for every reader (GET /cases items'
 * `waitingFor`, so a list can say whose work each case is). From what a list knows of a case:
 * its access facts, status, erasure, appeal deadline and retention date.
 */
export function caseWaitingFor(facts: CaseFacts, input: NextStepInput, now = new Date()): Role | null {
  const windowOpen = input.appealDeadline !== null && new Date(input.appealDeadline) > now;
  // what is missing changes the words of the investigation's next step, never who takes it
  return nextStep(facts, input, [], windowOpen).by;
}

/** What the next step reads of a case beyond its access facts. */
export type NextStepInput = Pick<
  GuidanceInput,
  'status' | 'erased' | 'appealDeadline' | 'retainUntil' | 'referralDecisionsRequired' | 'hearing' | 'appealHearing' | 'appealHearingChairRole'
>;

function nextStep(facts: CaseFacts, input: NextStepInput, blockers: string[], windowOpen: boolean): CaseGuidance['nextStep'] {
  const blocked = caseBlocked(facts);
  if (blocked) return { description: blocked, by: null };
  const deciding = decisionMakerRole(facts)!;
  // process.md §4: a paused process waits for the grievance's decision, then for the decision-maker to resume it
  const paused = input.status === 'closed' ? null : (facts.grievances?.paused ?? null);
  if (paused && !paused.grievanceDecided) {
    const headHears = facts.headteachers.some((head) => mayHearAppeal(involvementOf(head, facts)));
    return {
      description:
        'The disciplinary process is paused pending the grievance (§6): hear and decide it — a headteacher or governor uninvolved in the case; then the process is resumed.',
      by: headHears ? 'headteacher' : 'governor',
    };
  }
  if (paused) return { description: `The grievance is decided: resume the disciplinary process (§6): ${ROLE_WORDS[deciding]}.`, by: deciding };
  switch (input.status) {
    case 'reported':
      return { description: 'Triage the report: close it with a rationale, or start an investigation (§4).', by: 'deputy_head' };
    case 'investigation':
      if (!facts.investigatorUserId) return { description: `Appoint an investigating manager (§4): ${ROLE_WORDS[deciding]}.`, by: deciding };
      return blockers.length
        ? { description: `Establish the facts (§4): ${blockers.join('; ')}.`, by: 'investigating_manager' }
        : { description: 'Submit the investigation report to the decision-maker.', by: 'investigating_manager' };
    case 'awaiting_decision':
      return {
        description: `Decide the outcome (§12): no action, or invite the subject to a disciplinary hearing before any sanction (ACAS Code): ${ROLE_WORDS[deciding]}.`,
        by: deciding,
      };
    case 'hearing':
      return input.hearing?.held
        ? { description: `Decide the outcome (§12): the chair of the hearing, ${ROLE_WORDS[deciding]}.`, by: deciding }
        : { description: `Hold the disciplinary hearing and record it (process.md §1): ${ROLE_WORDS[deciding]}.`, by: deciding };
    case 'decided':
      if (windowOpen) {
        return { description: `The appeal window is open until ${input.appealDeadline}; an appeal may be lodged, then the case is closed.`, by: 'hr' };
      }
      return input.referralDecisionsRequired?.length
        ? {
            description: `Record the ${referralBodies(input.referralDecisionsRequired)} referral decision (KCSIE Part 4), then close the case: ${ROLE_WORDS[deciding]}.`,
            by: deciding,
          }
        : { description: `Close the case: ${ROLE_WORDS[deciding]}.`, by: deciding };
    case 'appeal':
      if (!input.appealHearing) {
        return {
          description: 'Invite the subject to the appeal hearing: a governor, or a headteacher who neither investigated nor decided, chairs it.',
          by: 'governor',
        };
      }
      return input.appealHearing.held
        ? { description: 'Decide the appeal: the chair of the appeal hearing.', by: input.appealHearingChairRole ?? 'governor' }
        : { description: 'Hold the appeal hearing and record it: its chair.', by: input.appealHearingChairRole ?? 'governor' };
    case 'closed':
      if (input.erased) return { description: 'Nothing: the content has been erased under the retention policy (§13).', by: null };
      return {
        description: `Nothing until the retention date${input.retainUntil ? ` (${input.retainUntil})` : ''}; then the content is erased (§13).`,
        by: null,
      };
  }
}

/** "DBS", "DBS and TRA": the barring bodies a decision is still missing for. */
function referralBodies(bodies: readonly string[]): string {
  return bodies.map((body) => body.toUpperCase()).join(' and ');
}
