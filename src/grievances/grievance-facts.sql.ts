/**
 * The grievances module's SQL that the access rules need (src/access/case-facts.sql.ts,
 * src/access/case-visibility.sql.ts), over a case id column. Kept free of imports.
 */

/** `CaseFacts.grievances` as one json value: whether a grievance waits for its decision, who decided each, and the open pause. */
export function grievanceFactsSql(caseColumn: string): string {
  return `json_build_object(
    'undecided', EXISTS (SELECT 1 FROM grievances g WHERE g.case_id = ${caseColumn} AND g.decided_at IS NULL),
    'deciderUserIds', COALESCE((SELECT json_agg(DISTINCT g.decided_by_user_id) FROM grievances g WHERE g.case_id = ${caseColumn} AND g.decided_by_user_id IS NOT NULL), '[]'),
    'paused', (SELECT json_build_object('grievanceDecided', g.decided_at IS NOT NULL) FROM process_pauses pp JOIN grievances g ON g.id = pp.grievance_id
               WHERE pp.case_id = ${caseColumn} AND pp.resumed_at IS NULL))`;
}

/** A grievance of the case waits for its decision. */
export function grievanceUndecidedSql(caseColumn: string): string {
  return `EXISTS (SELECT 1 FROM grievances g WHERE g.case_id = ${caseColumn} AND g.decided_at IS NULL)`;
}

/** The person behind `userSql` decided a grievance of the case. */
export function grievanceDecidedBySql(caseColumn: string, userSql: string): string {
  return `EXISTS (SELECT 1 FROM grievances g WHERE g.case_id = ${caseColumn} AND g.decided_by_user_id = ${userSql})`;
}
