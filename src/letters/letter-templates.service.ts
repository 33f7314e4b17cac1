import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { loadLetterhead, updateLetterhead } from '../organisations/letterhead.sql';
import { LetterheadRequest, LetterheadResponse, LetterTemplateResponse, LetterTemplatesResponse } from './dto/letterhead.dto';
import { LETTER_KINDS, letterKind } from './kinds';
import { LetterKind } from './letter-kind';
import { saveTemplate, TemplateRow, templatesOf } from './letter-template-rows';
import { templateProblems } from './letter-template.rules';

/**
 * The organisation's side of its letters (process.md §2): the letterhead (name, address,
 * signatory) and the wording of each kind, which an admin may adjust — never removing a
 * placeholder the system fills, never adding one it does not know (422). Each change audited.
 */
@Injectable()
export class LetterTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  letterhead(actor: Actor): Promise<LetterheadResponse> {
    return loadLetterhead(this.dataSource.manager, actor.organisationId);
  }

  updateLetterhead(actor: Actor, body: LetterheadRequest): Promise<LetterheadResponse> {
    return this.dataSource.transaction(async (em) => {
      const after = await updateLetterhead(em, actor.organisationId, body);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'organisation:manage'),
        action: 'letterhead.updated',
        entityType: 'organisation',
        entityId: actor.organisationId,
        payload: { fields: Object.keys(body).filter((k) => body[k as keyof LetterheadRequest] !== undefined) },
      });
      return after;
    });
  }

  async templates(actor: Actor): Promise<LetterTemplatesResponse> {
    const own = await templatesOf(this.dataSource.manager, actor.organisationId);
    return {
      items: LETTER_KINDS.map((kind) =>
        templateResponse(
          kind,
          own.find((t) => t.kind === kind.kind),
        ),
      ),
    };
  }

  setTemplate(actor: Actor, kindName: string, body: string): Promise<LetterTemplateResponse> {
    const kind = letterKind(kindName);
    if (!kind) throw DomainError.invalidField('kind', `must be one of ${LETTER_KINDS.map((k) => k.kind).join(', ')}`);
    const problems = templateProblems(body, kind.placeholders);
    if (problems.length) {
      throw new DomainError('unprocessable', 'template_placeholders', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    }
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      await saveTemplate(em, actor.organisationId, kind.kind, body, actor.userId, now);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'organisation:manage'),
        action: 'letter_template.updated',
        entityType: 'letter_template',
        entityId: actor.organisationId,
        reason: kind.kind,
        payload: { kind: kind.kind, adjusted: body !== kind.defaultBody },
      });
      return templateResponse(kind, { kind: kind.kind, body, updatedAt: now.toISOString() });
    });
  }
}

function templateResponse(kind: LetterKind, own: TemplateRow | undefined): LetterTemplateResponse {
  return {
    kind: kind.kind,
    title: kind.title,
    body: own?.body ?? kind.defaultBody,
    defaultBody: kind.defaultBody,
    adjusted: own !== undefined && own.body !== kind.defaultBody,
    updatedAt: own?.updatedAt ?? null,
    placeholders: kind.placeholders.map((p) => ({ name: p.name, description: p.description, required: p.required })),
  };
}
