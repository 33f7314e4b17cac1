import { listSection } from '../cases/case-section';
import { isoSql } from '../database/sql';

/** §4: the reports of a case in the case view, oldest first. */
export const REPORTS_SECTION = listSection(
  'reports',
  `SELECT json_agg(json_build_object('id', r.id, 'platform', r.platform, 'platformOther', r.platform_other,
      'observedAt', ${isoSql('r.observed_at')}, 'description', r.description, 'url', r.url, 'category', r.category,
      'policyStandards', r.policy_standards, 'involvesPupils', r.involves_pupils,
      'mayMeetHarmThreshold', r.may_meet_harm_threshold, 'loggedByUserId', r.logged_by_user_id,
      'createdAt', ${isoSql('r.created_at')}, 'withheld', false) ORDER BY r.created_at, r.id)
   FROM reports r WHERE r.case_id = $1`,
);
