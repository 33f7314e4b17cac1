/**
 * The people module's SQL for "who holds a role": the organisation's *active* accounts with
 * the role, each with the staff records linked to it (a deactivated account never counts,
 * domain.md "Conflicts of interest"). A scalar SQL expression: a JSON array of
 * `{userId, staffIds}`, for use inside other statements.
 */
export function activeRoleHoldersSql(role: 'headteacher' | 'governor', organisationColumn: string): string {
  return `COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'staffIds',
      COALESCE((SELECT json_agg(s.id) FROM staff_members s WHERE s.user_id = u.id), '[]')) ORDER BY u.id)
    FROM users u WHERE u.organisation_id = ${organisationColumn} AND u.active AND '${role}' = ANY(u.roles)), '[]')`;
}

/** SQL predicate: user `userColumn` is linked to staff record `staffColumn`. */
export function staffOfUserSql(staffColumn: string, userColumn: string): string {
  return `EXISTS (SELECT 1 FROM staff_members lnk WHERE lnk.id = ${staffColumn} AND lnk.user_id = ${userColumn})`;
}
