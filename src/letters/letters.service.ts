import type { ActingOptions } from '../access/case-access.policy';
import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { actingRole } from '../access/case-access.policy';
import { CaseRunner } from '../cases/case-runner.service';
import { CaseViewService } from '../cases/case-view.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { PdfRenderer } from '../documents/pdf-renderer.service';
import { attachmentDisposition } from '../evidence/safe-filename';
import { loadLetterhead } from '../organisations/letterhead.sql';
import { CaseLettersResponse, LetterItem, LetterQuery, LetterSentRequest } from './dto/letter.dto';
import { LETTER_KINDS, letterKind } from './kinds';
import { assembleLetter, LetterDocument, pickSource, pickSubject } from './letter-assembly';
import { letterDocx } from './letter-docx';
import { LetterKind, letterDate } from './letter-kind';
import { letterPdfModel } from './letter-pdf';
import { findLetter, lettersOf, noteGenerated, recordSent } from './letter-rows';
import { templatesOf } from './letter-template-rows';
import { LETTER_MEDIA_TYPES, sentAtProblems } from './letter.rules';

export interface LetterFile {
  bytes: Buffer;
  mediaType: string;
  disposition: string;
}

/**
 * Letters of the written steps (process.md §2): generated from the case's records on the
 * organisation's letterhead, as PDF or DOCX; generating one is audited; recording one as sent
 * is a change of the case. Access is the policy's (`letters:write` with the kind's author).
 */
@Injectable()
export class LettersService {
  constructor(
    private readonly runner: CaseRunner,
    private readonly views: CaseViewService,
    private readonly renderer: PdfRenderer,
    private readonly clock: Clock,
  ) {}

  /** GET /cases/:id/letters: which letters the case's records allow, their state, and whether the caller may make each. */
  list(actor: Actor, caseId: string): Promise<CaseLettersResponse> {
    return this.runner.look(actor, caseId, 'cases:read', async ({ em, facts, rights }) => {
      const read = (await this.views.read(em, actor.organisationId, caseId, this.clock.now()))!;
      const view = this.views.forReader(read, { ...rights, specialCategory: false });
      const rows = await lettersOf(em, caseId);
      const items: LetterItem[] = [];
      for (const kind of LETTER_KINDS) {
        const mayGenerate = !facts.erased && actingRole(actor, facts, 'letters:write', letterAccess(kind)) !== null;
        for (const source of kind.sources(view)) {
          for (const subject of view.subjects) {
            if (subject.staffId === null || (source.to !== undefined && subject.staffId !== source.to)) continue;
            const row = rows.find((r) => r.kind === kind.kind && r.recordId === source.recordId && r.subjectStaffId === subject.staffId);
            items.push({
              kind: kind.kind,
              title: kind.title,
              step: kind.step,
              author: kind.author,
              recordId: source.recordId,
              recordAt: source.at,
              subjectStaffId: subject.staffId,
              subjectName: subject.name,
              state: row?.sentAt ? 'sent' : row ? 'generated' : 'not_generated',
              lastGeneratedAt: row?.lastGeneratedAt ?? null,
              sentAt: row?.sentAt ?? null,
              sentMethod: row?.sentMethod ?? null,
              mayGenerate,
            });
          }
        }
      }
      return {
        result: { items, kinds: LETTER_KINDS.map((k) => ({ kind: k.kind, title: k.title, step: k.step, author: k.author })) },
        audit: { action: 'letters.viewed', entityType: 'case', entityId: caseId },
      };
    });
  }

  /**
   * GET /cases/:id/letters/:kind: the letter, generated now from the records, audited (the
   * kind as the reason, never its text). A PDF takes a render slot first (503 `busy` before
   * anything is read when every thread is busy).
   */
  async generate(actor: Actor, caseId: string, kindName: string, query: LetterQuery): Promise<LetterFile> {
    const kind = this.kindOf(kindName);
    const format = query.format ?? 'pdf';
    const name = (letter: LetterDocument) => `${letter.reference}-${kind.kind.replace(/_/g, '-')}.${format}`;
    if (format === 'docx') {
      const letter = await this.letter(actor, caseId, kind, query);
      return { bytes: await letterDocx(letter), mediaType: LETTER_MEDIA_TYPES.docx, disposition: attachmentDisposition(name(letter)) };
    }
    return this.renderer.withSlot(async (render) => {
      const letter = await this.letter(actor, caseId, kind, query);
      return { bytes: await render(letterPdfModel(letter)), mediaType: LETTER_MEDIA_TYPES.pdf, disposition: attachmentDisposition(name(letter)) };
    });
  }

  /** POST /cases/:id/letters/:kind/sent: the generated letter was sent (date, method) — what satisfies the written step. */
  recordSent(actor: Actor, caseId: string, kindName: string, body: LetterSentRequest): Promise<CaseResponse> {
    const kind = this.kindOf(kindName);
    return this.runner.changeCase(
      actor,
      caseId,
      'letters:write',
      async ({ em }) => {
        const read = (await this.views.read(em, actor.organisationId, caseId, this.clock.now()))!;
        const source = pickSource(kind, read.view, body.record);
        const subject = pickSubject(read.view, body.subject, source);
        const key = { organisationId: actor.organisationId, caseId, kind: kind.kind, recordId: source.recordId, subjectStaffId: subject.staffId };
        const row = await findLetter(em, key);
        if (!row) throw DomainError.conflict('letter_not_generated', 'Generate the letter (GET it as PDF or DOCX) before recording it as sent.');
        if (row.sentAt) throw DomainError.conflict('letter_already_sent', `This letter was recorded as sent on ${letterDate(row.sentAt)}.`);
        const sentAt = new Date(body.sentAt);
        const problems = sentAtProblems(sentAt, new Date(source.at), this.clock.now());
        if (problems.length) throw DomainError.badRequest('validation_failed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
        await recordSent(em, row.id, sentAt, body.method, actor.userId);
        return {
          action: 'letter.sent',
          entityType: 'letter',
          entityId: row.id,
          reason: kind.kind,
          payload: { kind: kind.kind, recordId: source.recordId, subjectStaffId: subject.staffId, sentAt: sentAt.toISOString(), method: body.method },
        };
      },
      letterAccess(kind),
    );
  }

  private letter(actor: Actor, caseId: string, kind: LetterKind, query: LetterQuery): Promise<LetterDocument> {
    return this.runner.look(
      actor,
      caseId,
      'letters:write',
      async ({ em, facts, rights }) => {
        if (facts.erased) throw DomainError.conflict('erased', 'The content of this case has been erased (§13): it has no letters to make.');
        const now = this.clock.now();
        const read = (await this.views.read(em, actor.organisationId, caseId, now))!;
        // No letter carries special-category content (§13): it is withheld from the view the letter is made from.
        const view = this.views.forReader(read, { ...rights, specialCategory: false });
        const source = pickSource(kind, view, query.record);
        const subject = pickSubject(view, query.subject, source);
        const letterhead = await loadLetterhead(em, actor.organisationId);
        const own = (await templatesOf(em, actor.organisationId)).find((t) => t.kind === kind.kind);
        const letter = assembleLetter({ kind, view, recordId: source.recordId, subject, letterhead, body: own?.body ?? kind.defaultBody, now });
        const key = { organisationId: actor.organisationId, caseId, kind: kind.kind, recordId: source.recordId, subjectStaffId: subject.staffId };
        const id = await noteGenerated(em, key, actor.userId, now);
        return {
          result: letter,
          audit: {
            action: 'letter.generated',
            entityType: 'letter',
            entityId: id,
            reason: kind.kind,
            payload: {
              kind: kind.kind,
              format: query.format ?? 'pdf',
              recordId: source.recordId,
              subjectStaffId: subject.staffId,
              adjustedWording: own !== undefined,
            },
          },
        };
      },
      letterAccess(kind),
    );
  }

  private kindOf(name: string): LetterKind {
    const kind = letterKind(name);
    if (!kind) throw DomainError.invalidField('kind', `must be one of ${LETTER_KINDS.map((k) => k.kind).join(', ')}`);
    return kind;
  }
}

/**
 * Who may make a kind's letters: its author; for the decision-maker's letters also the
 * investigating manager of a small school who decides under the separation waiver (ACAS: they
 * chair the hearing and decide, so they write its letters — case-access.policy.ts).
 */
function letterAccess(kind: LetterKind): ActingOptions {
  return { letterAuthor: kind.author, separationWaived: kind.author === 'decision_maker' };
}
