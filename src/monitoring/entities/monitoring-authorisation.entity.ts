import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { User } from '../../people/entities/user.entity';
import { MONITORING_REASONS, MONITORING_SCOPES, MONITORING_STATUSES, MonitoringReason, MonitoringScope, MonitoringStatus } from '../monitoring.rules';

/**
 * A request to monitor (§9, §11) and, once decided, the authorisation. `recordedByUserId`
 * is the requesting investigating manager.
 */
@Entity('monitoring_authorisations')
@Index(['caseId', 'createdAt'])
export class MonitoringAuthorisation extends CaseRecord {
  @Column({ type: 'enum', enum: MONITORING_SCOPES, enumName: 'monitoring_scope' })
  scope: MonitoringScope;

  @Column({ type: 'enum', enum: MONITORING_REASONS, enumName: 'monitoring_reason' })
  reason: MonitoringReason;

  @Column('text')
  justification: string;

  /** Why less intrusive means will not do (§5 fair and proportionate). */
  @Column('text')
  proportionality: string;

  @Column({ type: 'timestamptz', precision: 3 })
  periodFrom: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  periodTo: Date;

  /** The systems or accounts covered. */
  @Column('text', { array: true })
  systems: string[];

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  /** §11: the potential misconduct brought to the school's attention. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  allegationIds: string[];

  @Column({ type: 'enum', enum: MONITORING_STATUSES, enumName: 'monitoring_status', default: 'pending' })
  status: MonitoringStatus;

  @Column('uuid', { nullable: true })
  decidedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_user_id' })
  decidedBy?: User;

  @Column('text', { nullable: true })
  decidedByRole: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  /** The approval note or the rejection reason. */
  @Column('text', { nullable: true })
  decisionNote: string | null;
}
