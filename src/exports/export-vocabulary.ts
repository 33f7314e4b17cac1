import type { TriageDecision } from '../cases/lifecycle';
import { AppealResult, Sanction, sanctionInForce } from '../outcomes/outcome.rules';
import { MISUSE_CATEGORY_TITLES, MisuseCategory, POLICY_STANDARD_TITLES, PolicyStandard } from '../policy/vocabulary';

/** A clause of the policy as an export quotes it: its code and its title (§7, §8, App.A). */
export interface QuotedClause {
  code: string;
  title: string;
}

/** A §7/§8 standard, quoted. An unknown code (never accepted by the API) is shown as it is. */
export function quoteStandard(code: string): QuotedClause {
  return { code, title: POLICY_STANDARD_TITLES[code as PolicyStandard] ?? code };
}

/** An App.A category, quoted. */
export function quoteCategory(code: string): QuotedClause {
  return { code, title: MISUSE_CATEGORY_TITLES[code as MisuseCategory] ?? code };
}

/** The clause an allegation cites: its §7/§8 standard, else its App.A category. */
export function quoteAllegationClause(allegation: { policyStandard: string | null; category: string | null }): QuotedClause | null {
  if (allegation.policyStandard) return quoteStandard(allegation.policyStandard);
  if (allegation.category) return quoteCategory(allegation.category);
  return null;
}

/**
 * What a tombstone keeps of how a case ended (§13): the sanction in force after any appeal,
 * or the triage decision of a case closed at triage; null while nothing is decided.
 */
export function outcomeCategory(
  triageDecision: TriageDecision | null,
  outcome: { sanction: Sanction } | null,
  appeal: { result: AppealResult | null; newSanction: Sanction | null } | null,
): string | null {
  if (outcome) return sanctionInForce(outcome.sanction, appeal);
  if (triageDecision && triageDecision !== 'investigate') return triageDecision;
  return null;
}
