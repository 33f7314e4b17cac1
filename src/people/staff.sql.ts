/**
 * The people module's SQL on `staff_members` for other modules' statements: the
 * organisation's staff records among the given ids (`$org` and `$ids` are placeholders).
 */
export function knownStaffSql(organisationParam: string, idsParam: string): string {
  return `SELECT id FROM staff_members WHERE organisation_id = ${organisationParam} AND id = ANY(${idsParam}::uuid[])`;
}

/**
 * The organisation's staff records whose name matches `patternParam`, an ILIKE pattern (a
 * part of the name, in any case): a subquery of ids, answered by the trigram index on
 * `staff_members.name` (migration CaseListSearch).
 */
export function staffNameMatchesSql(organisationParam: string, patternParam: string): string {
  return `SELECT s.id FROM staff_members s WHERE s.organisation_id = ${organisationParam} AND s.name ILIKE ${patternParam}`;
}
