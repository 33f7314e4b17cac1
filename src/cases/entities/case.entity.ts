import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { OrganisationScoped } from '../../organisations/organisation-scoped';
import { User } from '../../people/entities/user.entity';
import { CASE_STATUSES, CaseStatus, TRIAGE_DECISIONS, TriageDecision } from '../lifecycle';

/** A disciplinary case under the policy, from the first report to closure. */
@Entity('cases')
@Index(['organisationId', 'reference'], { unique: true })
@Index(['organisationId', 'createdAt', 'id'])
@Index(['organisationId', 'status', 'createdAt', 'id'])
@Index(['investigatorUserId'])
@Index(['organisationId', 'retainUntil'])
// GET /cases?safeguarding=true and ?overdue=true walk the safeguarding cases only, newest first
@Index(['organisationId', 'createdAt', 'id'], { where: '"safeguarding"' })
// GET /me/tasks walks the open cases only, oldest first (src/tasks/tasks.sql.ts)
@Index(['organisationId', 'createdAt', 'id'], { where: `"status" <> 'closed'` })
// GET /cases?q=, made by migration CaseListSearch by hand (an operator class and an expression TypeORM cannot declare):
// GIN (reference gin_trgm_ops) for a part of a reference, btree (organisation_id, upper(reference) text_pattern_ops) for its start
@Index('IDX_cases_reference_trgm', { synchronize: false })
@Index('IDX_cases_reference_prefix', { synchronize: false })
export class Case extends OrganisationScoped {
  /** Human reference, unique per organisation and year: SMP-2026-0007. */
  @Column('text')
  reference: string;

  @Column({ type: 'enum', enum: CASE_STATUSES, enumName: 'case_status' })
  status: CaseStatus;

  /** Pupils involved or harm threshold possibly met (§5 safeguarding). */
  @Column('boolean')
  safeguarding: boolean;

  @Column({ type: 'enum', enum: TRIAGE_DECISIONS, enumName: 'triage_decision', nullable: true })
  triageDecision: TriageDecision | null;

  @Column('text', { nullable: true })
  triageRationale: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  triagedAt: Date | null;

  @Column('uuid', { nullable: true })
  triagedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'triaged_by_user_id' })
  triagedBy?: User;

  /** The investigating manager appointed by the headteacher (§4). */
  @Column('uuid', { nullable: true })
  investigatorUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'investigator_user_id' })
  investigator?: User;

  /** The investigating manager's report (§4), submitted for decision. */
  @Column('text', { nullable: true })
  investigationSummary: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  reportSubmittedAt: Date | null;

  @Column('uuid', { nullable: true })
  reportSubmittedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_submitted_by_user_id' })
  reportSubmittedBy?: User;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  /** §13: set at closure from the outcome; past it the content is erased unless on hold. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  retainUntil: Date | null;

  /** A legal hold stops erasure (§13). */
  @Column('text', { nullable: true })
  legalHoldReason: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  legalHoldPlacedAt: Date | null;

  @Column('uuid', { nullable: true })
  legalHoldPlacedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'legal_hold_placed_by_user_id' })
  legalHoldPlacedBy?: User;

  /** When the content was erased: what is left is a tombstone. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
