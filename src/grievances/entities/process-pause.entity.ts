import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { User } from '../../people/entities/user.entity';
import { Grievance } from './grievance.entity';

/**
 * process.md §4 (§6): the acting decision-maker paused the disciplinary process of the case
 * for a related grievance (`recorded_by_user_id` paused it, at `created_at`), and resumed it
 * once the grievance was decided. At most one pause of a case is open at a time.
 */
@Entity('process_pauses')
@Index(['caseId'], { unique: true, where: '"resumed_at" IS NULL' })
export class ProcessPause extends CaseRecord {
  @Column('uuid')
  grievanceId: string;

  @ManyToOne(() => Grievance, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grievance_id' })
  grievance?: Grievance;

  /** Why (case content: erased with the case). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resumedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resumedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resumed_by_user_id' })
  resumedBy?: User;
}
