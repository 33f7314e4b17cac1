import { EntityManager } from 'typeorm';
import { OPEN_CASE_CTES } from '../cases/case-rows';
import { queryOne } from '../database/sql';
import { knownStaffSql } from '../people/staff.sql';
import { CreateReportRequest } from './dto/report.dto';

/** The reports module's SQL on `reports`. */

export interface OpenedCase {
  caseId: string;
  reference: string;
  reportId: string;
  /** Staff ids named in the request that are not staff records of the organisation. */
  unknownStaff: { subjects: string[]; reporter: boolean };
}

/**
 * Opens a case with its report in one statement (§4): the reference, the case, its parties
 * and the report. The caller rolls back when a named staff record is unknown.
 */
export async function openCaseWithReport(
  em: EntityManager,
  organisationId: string,
  request: CreateReportRequest,
  opened: { at: Date; safeguarding: boolean; loggedByUserId: string },
): Promise<OpenedCase> {
  const reporterStaffId = request.reporter.staffId ?? null;
  const row = await queryOne<{ id: string; reference: string; report_id: string; unknown_subjects: string[]; reporter_known: boolean }>(
    em,
    `WITH known_staff AS (${knownStaffSql('$1', 'array_append($5::uuid[], $6::uuid)')}),
     ${OPEN_CASE_CTES},
     report AS (
       INSERT INTO reports (organisation_id, case_id, platform, platform_other, observed_at, description, url, category,
                            policy_standards, involves_pupils, may_meet_harm_threshold, logged_by_user_id, created_at)
       SELECT $1, opened.id, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $3 FROM opened RETURNING id)
     SELECT opened.id, opened.reference, report.id AS report_id,
       ARRAY(SELECT s FROM unnest($5::uuid[]) AS s WHERE s NOT IN (SELECT id FROM known_staff)) AS unknown_subjects,
       ($6::uuid IS NULL OR $6::uuid IN (SELECT id FROM known_staff)) AS reporter_known
     FROM opened, report`,
    [
      organisationId,
      opened.at.getUTCFullYear(),
      opened.at,
      opened.safeguarding,
      request.subjectStaffIds,
      reporterStaffId,
      request.reporter.name ?? null,
      request.reporter.relationship ?? null,
      request.platform,
      request.platformOther ?? null,
      new Date(request.observedAt),
      request.description,
      request.url ?? null,
      request.category,
      request.policyStandards,
      request.involvesPupils,
      request.mayMeetHarmThreshold ?? false,
      opened.loggedByUserId,
    ],
  );
  return {
    caseId: row!.id,
    reference: row!.reference,
    reportId: row!.report_id,
    unknownStaff: { subjects: row!.unknown_subjects, reporter: !row!.reporter_known },
  };
}

/**
 * When the reported activity was first seen: nothing about the case (a notice, an interview,
 * a referral, a decision) can come before it (cases/chronology.ts).
 */
export async function firstObservedAt(em: EntityManager, caseId: string): Promise<Date | null> {
  return (await queryOne<{ at: Date | null }>(em, `SELECT min(observed_at) AS at FROM reports WHERE case_id = $1`, [caseId]))?.at ?? null;
}

/** Retention (§13): the reports — what was seen, described by whom — go with the case's content. */
export async function eraseReports(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`DELETE FROM reports WHERE case_id = $1`, [caseId]);
}

/**
 * SQL (a subquery): the reports of an organisation made in a period — `case_id`,
 * `created_at`, `category`, `platform`, `policy_standards` — for statements over many cases
 * (GET /statistics). A case's first report is written with the case, in the same statement and
 * at the same instant (`openCaseWithReport`: both `created_at` are its `$3`), so the reports
 * made in [start, end) hold those of the cases reported in it, and joined on
 * `case_id = c.id AND created_at = c.created_at` give each case its first report and only
 * that. They are read as one range of the index (organisation_id, created_at) INCLUDE
 * (case_id, category, platform, policy_standards) and joined by hash, not looked up case by
 * case. `organisation`, `start` and `end` are placeholders (the ends `timestamptz`, or
 * undefined when open).
 */
export function firstReportsMadeInSql(organisation: string, start?: string, end?: string): string {
  const where = [`r.organisation_id = ${organisation}::uuid`];
  if (start) where.push(`r.created_at >= ${start}::timestamptz`);
  if (end) where.push(`r.created_at < ${end}::timestamptz`);
  return `(SELECT r.case_id, r.created_at, r.category, r.platform, r.policy_standards FROM reports r WHERE ${where.join(' AND ')})`;
}
