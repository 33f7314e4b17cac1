/**
 * KCSIE Part 4 (process.md §3): findings on an allegation that may meet the harm threshold use
 * the five outcome categories of Keeping Children Safe in Education, Part 4. Their words are
 * served with the policy's (GET /policy `kcsieFindings`, src/policy/policy-text.ts).
 *
 * Kept free of imports: the investigations module's finding vocabulary builds on it.
 */
export const KCSIE_FINDINGS = ['substantiated', 'malicious', 'false', 'unsubstantiated', 'unfounded'] as const;
export type KcsieFinding = (typeof KCSIE_FINDINGS)[number];

/** The findings of an allegation that is not a safeguarding matter (investigation.rules.ts FINDINGS, unchanged). */
export const ORDINARY_FINDINGS = ['substantiated', 'not_substantiated', 'inconclusive'] as const;

export function isKcsieFinding(finding: string): finding is KcsieFinding {
  return (KCSIE_FINDINGS as readonly string[]).includes(finding);
}

/**
 * KCSIE 4 (process.md §3): a finding on a safeguarding case is one of KCSIE's five categories;
 * a finding on any other case one of the ordinary three (`substantiated` is in both). What is
 * wrong with `finding` on this case, or null.
 */
export function findingCategoryProblem(finding: string, safeguarding: boolean): string | null {
  if (safeguarding) {
    return isKcsieFinding(finding) ? null : `a safeguarding allegation takes one of KCSIE's categories: ${KCSIE_FINDINGS.join(', ')}`;
  }
  return (ORDINARY_FINDINGS as readonly string[]).includes(finding)
    ? null
    : `KCSIE's categories are for safeguarding allegations; this case takes one of: ${ORDINARY_FINDINGS.join(', ')}`;
}

/**
 * A case that becomes a safeguarding matter after findings were recorded (a referral or LADO
 * consultation later): while the investigation is open, each finding outside KCSIE's
 * categories must be restated in them before the report goes (a submission blocker). The
 * number of such findings.
 */
export function findingsToRestate(findings: ReadonlyArray<string | null>, safeguarding: boolean): number {
  if (!safeguarding) return 0;
  return findings.filter((f) => f !== null && !isKcsieFinding(f)).length;
}

/**
 * KCSIE 4 (process.md §3): malicious and false allegations leave the subject's record: the
 * case is kept for the base period only, never for the safeguarding period. True when every
 * finding of the case is malicious or false (and there is at least one).
 */
export function onlyMaliciousOrFalse(findings: ReadonlyArray<string | null>): boolean {
  const found = findings.filter((f): f is string => f !== null);
  return found.length > 0 && found.every((f) => f === 'malicious' || f === 'false');
}
