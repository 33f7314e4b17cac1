/**
 * The investigations module's SQL on `case_assignments` that others need: who has ever been
 * appointed investigating manager of a case (the current appointment included). A replaced
 * investigator stays conflicted (domain.md "Conflicts of interest").
 */
export function everInvestigatorsSql(caseColumn: string): string {
  return `COALESCE((SELECT array_agg(DISTINCT a.investigator_user_id) FROM case_assignments a WHERE a.case_id = ${caseColumn}), '{}')::uuid[]`;
}

/** SQL predicate: `userSql` has ever been appointed to investigate the case. */
export function everInvestigatedSql(caseColumn: string, userSql: string): string {
  return `EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = ${caseColumn} AND a.investigator_user_id = ${userSql})`;
}
