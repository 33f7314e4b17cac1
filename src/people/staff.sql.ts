/**
 * The people module's SQL on `staff_members` for other modules' statements: the
 * organisation's staff records among the given ids (`$org` and `$ids` are placeholders).
 */
export function knownStaffSql(organisationParam: string, idsParam: string): string {
  return `SELECT id FROM staff_members WHERE organisation_id = ${organisationParam} AND id = ANY(${idsParam}::uuid[])`;
}
