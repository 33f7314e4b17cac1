import type { PartyCapacity } from '../cases/entities/case-party.entity';
import type { CaseStatus } from '../cases/lifecycle';

/**
 * Conflicts of interest belong to the person (domain.md "Conflicts of interest"; §4 "fair and
 * unbiased", §5 "fair and proportionate"): whatever roles someone holds, and however many,
 * what they were in a case decides what they may read and decide in it. This file is the one
 * statement of those rules; `case-visibility.sql.ts` is its SQL twin for lists, held equal by
 * test/e2e/visibility-twin.e2e-spec.ts.
 */

/** A person, as far as a case is concerned: their account and the staff records linked to it. */
export interface Person {
  userId: string;
  staffIds: readonly string[];
}

/** What the access rules need to know about one case, loaded in one round trip (case-facts.sql.ts). */
export interface CaseFacts {
  id: string;
  organisationId: string;
  status: CaseStatus;
  /** Content erased under retention (§13): a tombstone accepts no further record. */
  erased: boolean;
  parties: ReadonlyArray<{ capacity: PartyCapacity; staffId: string | null }>;
  /** The investigating manager appointed now (§4), if any. */
  investigatorUserId: string | null;
  /** Everyone ever appointed investigating manager of the case, the current one included. */
  investigatorUserIds: readonly string[];
  /** Who decided the outcome (§12), once decided. */
  outcomeDecidedByUserId: string | null;
  /** Who decided the appeal, once decided. */
  appealDecidedByUserId: string | null;
  /** The organisation's active headteachers (a deactivated account never counts). */
  headteachers: readonly Person[];
  /** The organisation's active governors. */
  governors: readonly Person[];
  /**
   * §6, process.md §4 (src/grievances): whether a grievance of the case waits for its decision,
   * who decided one, and the open pause of the disciplinary process (with whether its grievance
   * is decided). Absent: none.
   */
  grievances?: { undecided: boolean; deciderUserIds: readonly string[]; paused: { grievanceDecided: boolean } | null };
}

/** How a person is involved in a case. */
export type Involvement = PartyCapacity | 'investigator' | 'outcome_decider';

/** The one function of the person: every way they are involved in the case, through any staff record or appointment. */
export function involvementOf(person: Person, facts: CaseFacts): ReadonlySet<Involvement> {
  const involvement = new Set<Involvement>();
  for (const party of facts.parties) {
    if (party.staffId !== null && person.staffIds.includes(party.staffId)) involvement.add(party.capacity);
  }
  if (facts.investigatorUserIds.includes(person.userId) || facts.investigatorUserId === person.userId) involvement.add('investigator');
  if (facts.outcomeDecidedByUserId === person.userId) involvement.add('outcome_decider');
  return involvement;
}

/** A subject of a case never reads it, under any role. */
export function neverReads(involvement: ReadonlySet<Involvement>): boolean {
  return involvement.has('subject');
}

/**
 * A subject, the reporter, a witness, or anyone ever appointed to investigate takes no
 * decision on the case (triage, appointment, monitoring decision, outcome, appeal, closure,
 * legal hold). ACAS: a small school may waive the separation of investigation and decision
 * with a recorded reason — then having investigated does not count, for the outcome only.
 */
export function takesNoDecision(involvement: ReadonlySet<Involvement>, options: { separationWaived?: boolean } = {}): boolean {
  if (involvement.has('subject') || involvement.has('reporter') || involvement.has('witness')) return true;
  return involvement.has('investigator') && !options.separationWaived;
}

/** The appeal is heard by someone who neither investigated nor decided the outcome, and is otherwise unconflicted (ACAS). */
export function mayHearAppeal(involvement: ReadonlySet<Involvement>): boolean {
  return !takesNoDecision(involvement) && !involvement.has('outcome_decider');
}

/** A reporter or witness does not read other people's statements or evidence in the case. */
export function readsOthersStatements(involvement: ReadonlySet<Involvement>): boolean {
  return !involvement.has('reporter') && !involvement.has('witness') && !involvement.has('subject');
}

export type DecisionMakerRole = 'headteacher' | 'governor';

/**
 * Who acts for the headteacher (§2: the policy applies to the headteacher and governors too):
 * any active headteacher who is not conflicted; only when every active headteacher is
 * conflicted, the governors; null when nobody in the organisation can — the case is stuck
 * until someone unconflicted is given the role, and the API says so.
 */
export function decisionMakerRole(facts: CaseFacts): DecisionMakerRole | null {
  const free = (people: readonly Person[]) => people.some((person) => !takesNoDecision(involvementOf(person, facts)));
  if (free(facts.headteachers)) return 'headteacher';
  if (free(facts.governors)) return 'governor';
  return null;
}

/** Whether any active headteacher or governor may hear the case's appeal (ACAS: someone uninvolved). */
export function someoneMayHearAppeal(facts: CaseFacts): boolean {
  return [...facts.headteachers, ...facts.governors].some((person) => mayHearAppeal(involvementOf(person, facts)));
}

/** What is missing when nobody may hear the appeal. */
export const NO_APPEAL_HEARER =
  'Nobody in the organisation can hear this appeal: every active headteacher and governor investigated, decided or is a party to the case. An admin must give an uninvolved person the governor role.';

/** What to do when nobody may decide (domain.md: "Nobody is ever stuck"). */
export const NO_DECISION_MAKER =
  'Nobody in the organisation can take decisions on this case: every active headteacher and governor is conflicted on it. An admin must give an unconflicted person the governor role.';
