import { EntityManager } from 'typeorm';

/**
 * What retention erases from a case (§13; domain.md "Data protection"): every statement,
 * free text, evidence item (and its custody trail) and monitoring record, and the names of
 * people outside the staff directory. What is left is the tombstone: the case row
 * (reference, status, dates, retention date), the outcome category, the appeal result, and
 * which staff members were party to it (so conflicts of interest still hold and a subject
 * access export still lists it). Audit payloads of the case are erased too; the
 * chain keeps their digests, so /audit/verify still passes.
 *
 * Order matters only for foreign keys: custody before evidence, evidence before the
 * monitoring authorisations it cites, disclosures before authorisations.
 */
const ERASE_STATEMENTS = [
  `DELETE FROM evidence_custody_events WHERE case_id = $1`,
  `DELETE FROM facts WHERE case_id = $1`,
  `DELETE FROM evidence WHERE case_id = $1`,
  `DELETE FROM monitoring_disclosures WHERE case_id = $1`,
  `DELETE FROM monitoring_authorisations WHERE case_id = $1`,
  `DELETE FROM subject_responses WHERE case_id = $1`,
  `DELETE FROM subject_notifications WHERE case_id = $1`,
  `DELETE FROM interviews WHERE case_id = $1`,
  `DELETE FROM allegations WHERE case_id = $1`,
  `DELETE FROM safeguarding_referrals WHERE case_id = $1`,
  `DELETE FROM reports WHERE case_id = $1`,
  // Who was subject, reporter or witness stays (staff id and capacity only): conflicts of
  // interest keep applying to the tombstone, and the person's subject-access export lists it.
  `UPDATE case_parties SET name = NULL, relationship = NULL WHERE case_id = $1`,
  `DELETE FROM case_assignments WHERE case_id = $1`,
  `UPDATE outcomes SET rationale = NULL, separation_waiver_reason = NULL WHERE case_id = $1`,
  `UPDATE appeals SET grounds = NULL, rationale = NULL WHERE case_id = $1`,
  `UPDATE cases SET triage_rationale = NULL, investigation_summary = NULL, investigator_user_id = NULL, erased_at = now(), updated_at = now() WHERE id = $1`,
];

/** Erases one case's content inside the caller's transaction; returns the evidence content hashes it released. */
export async function eraseCaseContent(em: EntityManager, organisationId: string, caseId: string): Promise<string[]> {
  const released: { sha256: string }[] = await em.query(`SELECT DISTINCT sha256 FROM evidence WHERE case_id = $1`, [caseId]);
  for (const statement of ERASE_STATEMENTS) await em.query(statement, [caseId]);
  // The append-only trigger lets exactly this through: payload → NULL, nothing else changed.
  await em.query(`SET LOCAL smp.audit_erasure = 'on'`);
  await em.query(`UPDATE audit_events SET payload = NULL WHERE organisation_id = $1 AND case_id = $2 AND payload IS NOT NULL`, [organisationId, caseId]);
  await em.query(`SET LOCAL smp.audit_erasure = 'off'`);
  return released.map((r) => r.sha256);
}
