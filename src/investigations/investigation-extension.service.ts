import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseRunner } from '../cases/case-runner.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { ExtensionRequest } from './dto/investigation-extension.dto';
import { insertExtension } from './investigation-extension-rows';
import { checkExtension } from './investigation-extension.rules';

/**
 * process.md §6: the investigation's deadline (20 working days from its start) extended, with a
 * reason, by whoever appoints the investigating manager (the acting decision-maker: §4). The
 * new deadline is the investigator's task's (GET /me/tasks); the reason is in the audit payload
 * and the record, both erased with the investigation (§13).
 */
@Injectable()
export class InvestigationExtensionService {
  constructor(private readonly runner: CaseRunner) {}

  extend(actor: Actor, caseId: string, request: ExtensionRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'cases:assign', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      checkExtension(request.workingDays);
      const id = await insertExtension(em, { organisationId: actor.organisationId, caseId, userId: actor.userId }, request.workingDays, request.reason);
      return {
        action: 'investigation.extended',
        entityType: 'investigation_extension',
        entityId: id,
        payload: { workingDays: request.workingDays, reason: request.reason },
      };
    });
  }
}
