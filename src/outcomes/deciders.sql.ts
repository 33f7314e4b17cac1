/** The outcomes module's SQL that the access rules need: who decided the outcome, and the appeal. */
export function outcomeDeciderSql(caseColumn: string): string {
  return `(SELECT o.recorded_by_user_id FROM outcomes o WHERE o.case_id = ${caseColumn})`;
}

export function appealDeciderSql(caseColumn: string): string {
  return `(SELECT a.decided_by_user_id FROM appeals a WHERE a.case_id = ${caseColumn} AND a.decided_by_user_id IS NOT NULL ORDER BY a.decided_at DESC LIMIT 1)`;
}
