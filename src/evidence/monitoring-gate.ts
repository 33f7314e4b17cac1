import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseFacts } from '../access/conflicts';
import { DomainError } from '../common/errors/domain-error';
import { authorisationForUse } from '../monitoring/authorisation-rows';
import { authorisationUseProblem } from '../monitoring/monitoring.rules';
import { EvidenceKind } from './evidence.rules';

/** What the gate looks at of an item being added. */
export interface MonitoredItem {
  kind: EvidenceKind;
  monitoringAuthorisationId: string | null;
  capturedAt: Date;
}

export const MONITORING_AUTHORISATION_REQUIRED =
  'monitoring evidence needs an approved, unexpired monitoring authorisation of this case whose period covers capturedAt (§9, §11)';

/** Evidence obtained by monitoring: a monitoring extract, or anything citing an authorisation. */
export function obtainedByMonitoring(item: MonitoredItem): boolean {
  return item.kind === 'monitoring_extract' || item.monitoringAuthorisationId !== null;
}

/**
 * §9, §11, domain.md "Evidence": evidence obtained by monitoring must cite an approved,
 * unexpired monitoring authorisation of the case whose period covers when it was captured,
 * or it is refused, saying which condition failed. Expiry is checked now, at use. Called
 * inside the transaction that adds the item, after the case lock.
 */
@Injectable()
export class MonitoringGate {
  async check(em: EntityManager, facts: CaseFacts, item: MonitoredItem, now = new Date()): Promise<void> {
    if (!obtainedByMonitoring(item)) return;
    if (!item.monitoringAuthorisationId) throw DomainError.conflict('monitoring_authorisation_required', MONITORING_AUTHORISATION_REQUIRED);
    const authorisation = await authorisationForUse(em, facts.organisationId, item.monitoringAuthorisationId);
    const problem = authorisationUseProblem(authorisation, { caseId: facts.id, capturedAt: item.capturedAt, now });
    if (problem) throw DomainError.conflict('monitoring_authorisation_invalid', `Refused: ${problem} (§9, §11).`);
  }
}
