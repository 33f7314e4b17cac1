import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { eraseCaseRow } from '../cases/case-rows';
import { eraseEvidence } from '../evidence/evidence-records';
import { eraseGrievances } from '../grievances/grievance-rows';
import { eraseHearings } from '../hearings/hearing-rows';
import { eraseInvestigation } from '../investigations/investigation-rows';
import { eraseKcsie } from '../kcsie/kcsie-rows';
import { eraseLetters } from '../letters/letter-rows';
import { eraseMonitoring } from '../monitoring/authorisation-rows';
import { eraseOutcomeText } from '../outcomes/outcome-rows';
import { eraseReports } from '../reports/report-rows';
import { eraseSuspensions } from '../suspensions/suspension-rows';
import { eraseReferrals } from '../triage/referral-rows';

/**
 * What retention erases from a case (§13; domain.md "Data protection"): every statement,
 * free text, evidence item (and its custody trail), monitoring record and referral (and KCSIE's LADO consultations and DBS / TRA referral decisions), the
 * names of people outside the staff directory, and the case's audit payloads — each module
 * erasing its own tables. What is left is the tombstone: the case row (reference, status,
 * dates, retention date), the outcome category, the appeal result, who was appointed to
 * investigate, and which staff members were party to it (so conflicts of interest still
 * hold and a subject-access export still lists it). The audit chain keeps the payloads'
 * digests, so /audit/verify still passes.
 *
 * Order matters only for foreign keys: facts cite evidence, evidence cites monitoring authorisations.
 */
export async function eraseCaseContent(
  em: EntityManager,
  audit: AuditService,
  organisationId: string,
  caseId: string,
): Promise<{ reference: string; released: string[] }> {
  await eraseInvestigation(em, caseId);
  const released = await eraseEvidence(em, caseId);
  await eraseMonitoring(em, caseId);
  await eraseReferrals(em, caseId);
  await eraseKcsie(em, caseId);
  await eraseSuspensions(em, caseId);
  await eraseGrievances(em, caseId);
  await eraseHearings(em, caseId);
  await eraseLetters(em, caseId);
  await eraseReports(em, caseId);
  await eraseOutcomeText(em, caseId);
  const { reference } = await eraseCaseRow(em, caseId);
  await audit.eraseCase(em, organisationId, caseId);
  return { reference, released };
}
