import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ROLES, Role } from '../../access/roles';
import { CaseRecord } from '../../cases/entities/case-record';
import { Appeal } from '../../outcomes/entities/appeal.entity';
import { SANCTIONS, Sanction } from '../../outcomes/outcome.rules';
import { User } from '../../people/entities/user.entity';
import { COMPANION_CATEGORIES, CompanionCategory, HEARING_KINDS, HearingKind } from '../hearing.rules';

/** Who attended a hearing, in which capacity (process.md §1: the hearing record). */
export interface HearingAttendee {
  name: string;
  capacity: string;
}

/**
 * A disciplinary hearing before the outcome, or the appeal hearing before the appeal decision
 * (process.md §1; ACAS Code): the invitation (chair, time, place, the evidence relied on, the
 * possible outcomes), its time after any rearrangement, and once held, the hearing record. A new
 * invitation supersedes the current one. Case content: erased with the case (§13).
 */
@Entity('hearings')
@Index(['caseId', 'createdAt'])
export class Hearing extends CaseRecord {
  @Column({ type: 'enum', enum: HEARING_KINDS, enumName: 'hearing_kind' })
  kind: HearingKind;

  /** The appeal an appeal hearing hears; null for a disciplinary hearing. */
  @Column('uuid', { nullable: true })
  appealId: string | null;

  @ManyToOne(() => Appeal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'appeal_id' })
  appeal?: Appeal;

  /** Who chairs it and takes the decision it leads to: the acting decision-maker, or the appeal hearer. */
  @Column('uuid')
  chairUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chair_user_id' })
  chair?: User;

  @Column({ type: 'enum', enum: ROLES, enumName: 'role' })
  chairRole: Role;

  @Column({ type: 'timestamptz', precision: 3 })
  invitedAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  originalScheduledFor: Date;

  /** The time now arranged (after any rearrangement). */
  @Column({ type: 'timestamptz', precision: 3 })
  scheduledFor: Date;

  @Column('text')
  place: string;

  /** The notice the invitation had to give (HEARING_NOTICE_WORKING_DAYS when it was made). */
  @Column('smallint')
  noticeWorkingDays: number;

  /** The evidence to be relied on, listed in the invitation and sent with it. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  evidenceIds: string[];

  @Column({ type: 'enum', enum: SANCTIONS, enumName: 'sanction', array: true })
  possibleOutcomes: Sanction[];

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  supersededAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  heldAt: Date | null;

  @Column('boolean', { nullable: true })
  subjectAttended: boolean | null;

  @Column('jsonb', { nullable: true })
  attendees: HearingAttendee[] | null;

  @Column('text', { nullable: true })
  companionName: string | null;

  @Column({ type: 'enum', enum: COMPANION_CATEGORIES, enumName: 'companion_category', nullable: true })
  companionCategory: CompanionCategory | null;

  @Column('text', { nullable: true })
  companionAdjustmentReason: string | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text', { nullable: true })
  representations: string | null;

  /** Why the decision is taken in the subject's absence (they missed a rearranged hearing). */
  @Column('text', { nullable: true })
  absenceReason: string | null;

  @Column('uuid', { nullable: true })
  heldRecordedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'held_recorded_by_user_id' })
  heldRecordedBy?: User;
}
