import { EntityManager } from 'typeorm';
import type { CaseFacts } from '../access/conflicts';
import { isSafeguarding } from '../cases/case-rows';
import { anyTeacher } from '../people/staff.sql';
import { decidedBodies } from './kcsie-rows';
import { requireReferralDecisions } from './referral-decisions.rules';

/**
 * The close paths' one line (outcome.service.ts: close, and the appeal decision that closes):
 * KCSIE 4, process.md §3 — a safeguarding case whose sanction in force is a dismissal closes
 * only with the DBS (and, for a teacher, TRA) referral decision on record (409 otherwise).
 */
export async function requireReferralDecisionsToClose(em: EntityManager, facts: CaseFacts, sanctionInForce: string | null): Promise<void> {
  if (sanctionInForce !== 'dismissal_with_notice' && sanctionInForce !== 'summary_dismissal') return;
  const subjects = facts.parties.filter((p) => p.capacity === 'subject' && p.staffId !== null).map((p) => p.staffId!);
  requireReferralDecisions({
    safeguarding: await isSafeguarding(em, facts.id),
    sanctionInForce,
    teacherSubject: await anyTeacher(em, subjects),
    decided: await decidedBodies(em, facts.id),
  });
}
