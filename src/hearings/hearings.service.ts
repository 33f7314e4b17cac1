import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { Permission } from '../access/permissions';
import { CaseContext, CaseRecordChange, CaseRunner } from '../cases/case-runner.service';
import { moveCase } from '../cases/case-status';
import { CaseResponse } from '../cases/dto/case.dto';
import { nextStatus } from '../cases/lifecycle';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { foreignEvidenceIds } from '../evidence/evidence-records';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { requireNotPaused } from '../grievances/grievance-rows';
import { SchoolCalendars } from '../organisations/school-calendars.service';
import { APPEAL_LOCATOR, appealForDecision } from '../outcomes/outcome-rows';
import {
  AppealHearingInvitationRequest,
  HearingInvitationRequest,
  HearingRearrangementRequest,
  HearingRecordRequest,
  HearingResponse,
} from './dto/hearing.dto';
import {
  currentHearing,
  HEARING_LOCATOR,
  hearingById,
  hearingKindOf,
  HearingRow,
  insertHearing,
  insertRearrangement,
  invitationsSent,
  recordHeld,
} from './hearing-rows';
import {
  chairMayStillDecide,
  checkHearingNotice,
  checkHearingRecord,
  checkRearrangement,
  checkReinvitation,
  HearingKind,
  invitationNoticeProblem,
} from './hearing.rules';
import { INVITATION_LETTER } from './hearing-view';

/** What an invitation says, for either kind (an appeal hearing has no possible outcomes of its own: []). */
type Invitation = Pick<HearingInvitationRequest, 'scheduledFor' | 'place' | 'evidenceIds' | 'possibleOutcomes' | 'separationWaiverReason'>;

/** Who acts on each kind of hearing: the acting decision-maker, or someone who may hear the appeal (case-access.policy.ts). */
const PERMISSION: Record<HearingKind, Permission> = { disciplinary: 'outcome:decide', appeal: 'appeals:decide' };

/**
 * Hearings (process.md §1; ACAS Code; ERA 1999 s10): the invitation with notice, the subject's
 * companion and one rearrangement, the hearing record, the decision in absence. The outcome and
 * the appeal decision check the hearing in src/outcomes (checkOutcomeHearing, checkAppealHearing).
 */
@Injectable()
export class HearingsService {
  constructor(
    private readonly runner: CaseRunner,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: SchoolCalendars,
  ) {}

  /** Invites the subject to the disciplinary hearing: awaiting_decision → hearing, or a new invitation replacing one not held. */
  invite(actor: Actor, caseId: string, body: HearingInvitationRequest): Promise<CaseResponse> {
    const waived = body.separationWaiverReason !== undefined;
    return this.runner.changeCase(
      actor,
      caseId,
      'outcome:decide',
      async (ctx) => {
        const { em, facts } = ctx;
        if (waived && facts.investigatorUserId !== actor.userId) {
          throw DomainError.invalidField('separationWaiverReason', 'is only for the investigating manager chairing and deciding their own case');
        }
        if (facts.status === 'hearing') {
          await requireNotPaused(em, caseId);
          const current = await currentHearing(em, caseId, { kind: 'disciplinary' });
          checkReinvitation(current ?? null, current ? chairMayStillDecide(facts, 'disciplinary', current.chairUserId) : false);
        } else {
          nextStatus(facts.status, 'invite_to_hearing');
        }
        const change = await this.insert(ctx, 'disciplinary', null, body);
        if (facts.status !== 'hearing') await moveCase(em, facts, 'invite_to_hearing', this.config.retention);
        // The waiver's reason is case content: in the (erasable) payload, never the chained reason (§13).
        return waived ? { ...change, reason: 'separation_waived' } : change;
      },
      { separationWaived: waived },
    );
  }

  /** Invites the subject to the appeal hearing, heard by someone uninvolved (the caller: appeals:decide). */
  inviteToAppeal(actor: Actor, appealId: string, body: AppealHearingInvitationRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, { locator: APPEAL_LOCATOR, id: appealId }, 'appeals:decide', async (ctx) => {
      const { em, facts } = ctx;
      const appeal = (await appealForDecision(em, appealId))!;
      if (facts.status !== 'appeal' || appeal.result) throw DomainError.conflict('already_decided', 'This appeal has been decided.');
      await requireNotPaused(em, facts.id);
      const current = await currentHearing(em, facts.id, { kind: 'appeal', appealId });
      checkReinvitation(current ?? null, current ? chairMayStillDecide(facts, 'appeal', current.chairUserId) : false);
      return this.insert(ctx, 'appeal', appealId, { ...body, possibleOutcomes: [] });
    });
  }

  /** Moves a hearing not yet held: the subject's companion-unavailable request (once), or the chair's choice with a reason. */
  async rearrange(actor: Actor, hearingId: string, body: HearingRearrangementRequest): Promise<CaseResponse> {
    return this.onHearing(actor, hearingId, async ({ em, actor: chair, facts }, hearing) => {
      const calendar = await this.calendars.forOrganisation(em, chair.organisationId);
      checkRearrangement(hearing, { scheduledFor: new Date(body.scheduledFor), basis: body.basis, reason: body.reason }, this.clock.now(), calendar);
      const id = await insertRearrangement(em, { organisationId: chair.organisationId, caseId: facts.id, userId: chair.userId }, hearing, {
        basis: body.basis,
        scheduledFor: new Date(body.scheduledFor),
        place: body.place ?? null,
        reason: body.reason ?? null,
      });
      // The reason is case content: in the (erasable) payload, never the chained reason (§13).
      return { action: 'hearing.rearranged', entityType: 'hearing', entityId: hearing.id, reason: body.basis, payload: { ...body, rearrangementId: id } };
    });
  }

  /** The hearing record: held (with notice given in writing), who attended, the companion, notes; or the decision in absence. */
  async recordHearing(actor: Actor, hearingId: string, body: HearingRecordRequest): Promise<CaseResponse> {
    return this.onHearing(actor, hearingId, async ({ em, actor: chair }, hearing) => {
      const heldAt = new Date(body.heldAt);
      checkHearingRecord(hearing, { heldAt, subjectAttended: body.subjectAttended, companion: body.companion, absenceReason: body.absenceReason });
      const { subjects, sent } = await invitationsSent(em, hearing, INVITATION_LETTER[hearing.kind]);
      const { calendar } = await this.calendars.withDeadlines(em, chair.organisationId);
      const problem = invitationNoticeProblem(subjects, sent, hearing.originalScheduledFor, hearing.noticeWorkingDays, calendar);
      if (problem) throw DomainError.conflict('hearing_notice_not_given', `The written invitation has not given the notice due (process.md §1): ${problem}.`);
      await recordHeld(em, hearing.id, chair.userId, {
        heldAt,
        subjectAttended: body.subjectAttended,
        attendees: body.attendees.map((a) => ({ name: a.name, capacity: a.capacity })),
        companion: body.companion ? { ...body.companion, adjustmentReason: body.companion.adjustmentReason ?? null } : null,
        notes: body.notes,
        representations: body.representations ?? null,
        absenceReason: body.absenceReason ?? null,
      });
      return {
        action: 'hearing.held',
        entityType: 'hearing',
        entityId: hearing.id,
        reason: body.subjectAttended ? 'attended' : 'decided_in_absence',
        payload: { ...body },
      };
    });
  }

  /** GET /hearings/:id: an audited read of the case view. */
  get(actor: Actor, id: string): Promise<HearingResponse> {
    return this.runner.viewRecord(
      actor,
      { locator: HEARING_LOCATOR, id },
      { what: HEARING_LOCATOR.what, entityType: 'hearing', entityId: id, pick: (view) => view.hearings.find((h) => h.id === id) },
    );
  }

  private async insert({ em, actor, role, facts }: CaseContext, kind: HearingKind, appealId: string | null, body: Invitation): Promise<CaseRecordChange> {
    const invitedAt = this.clock.now();
    const scheduledFor = new Date(body.scheduledFor);
    // the organisation's notice: the deployment's HEARING_NOTICE_WORKING_DAYS, or more where it set more (docs/tasks.md)
    const { calendar, deadlines } = await this.calendars.withDeadlines(em, actor.organisationId);
    checkHearingNotice(invitedAt, scheduledFor, deadlines.hearingNoticeWorkingDays, calendar);
    const missing = await foreignEvidenceIds(em, facts.id, body.evidenceIds);
    if (missing.length) throw DomainError.invalidField('evidenceIds', `not evidence of this case: ${missing.join(', ')}`);
    const id = await insertHearing(
      em,
      { organisationId: actor.organisationId, caseId: facts.id, userId: actor.userId },
      {
        kind,
        appealId,
        chairRole: role,
        invitedAt,
        scheduledFor,
        place: body.place,
        noticeWorkingDays: deadlines.hearingNoticeWorkingDays,
        evidenceIds: body.evidenceIds,
        possibleOutcomes: body.possibleOutcomes,
      },
    );
    return { action: 'hearing.invited', entityType: 'hearing', entityId: id, createdId: id, reason: kind, payload: { ...body } };
  }

  /** A change to one hearing, by its chair, in the permission of its kind; nothing once the case has moved past it. */
  private async onHearing(actor: Actor, hearingId: string, work: (ctx: CaseContext, hearing: HearingRow) => Promise<CaseRecordChange>): Promise<CaseResponse> {
    // The kind only chooses the permission; the runner finds the case and decides access (a hearing the caller may not see is 404).
    // A chair who invited under the separation waiver (the investigating manager of a small school) goes on under it.
    const found = await hearingKindOf(this.dataSource.manager, actor.organisationId, hearingId);
    const options = { separationWaived: found?.kind === 'disciplinary' && found.chairUserId === actor.userId };
    return this.runner.changeCase(
      actor,
      { locator: HEARING_LOCATOR, id: hearingId },
      PERMISSION[found?.kind ?? 'disciplinary'],
      async (ctx) => {
        const hearing = (await hearingById(ctx.em, hearingId))!;
        const expected = hearing.kind === 'disciplinary' ? 'hearing' : 'appeal';
        if (ctx.facts.status !== expected)
          throw DomainError.conflict('invalid_transition', `The case is ${ctx.facts.status.replace(/_/g, ' ')}: the hearing is over.`);
        if (hearing.kind === 'appeal' && (await appealForDecision(ctx.em, hearing.appealId!))!.result !== null) {
          throw DomainError.conflict('already_decided', 'This appeal has been decided.');
        }
        await requireNotPaused(ctx.em, ctx.facts.id);
        if (hearing.supersededAt) throw DomainError.conflict('hearing_superseded', 'A later invitation has replaced this hearing.');
        if (hearing.chairUserId !== ctx.actor.userId) throw DomainError.conflict('not_hearing_chair', 'Only the chair of the hearing arranges and records it.');
        return work(ctx, hearing);
      },
      options,
    );
  }
}
