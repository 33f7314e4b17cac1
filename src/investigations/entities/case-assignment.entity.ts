import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { User } from '../../people/entities/user.entity';

/** Who was appointed to investigate, by whom, and until when (§4). The open row is current. */
@Entity('case_assignments')
@Index(['caseId', 'createdAt'])
export class CaseAssignment extends CaseRecord {
  @Column('uuid')
  investigatorUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'investigator_user_id' })
  investigator?: User;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endedAt: Date | null;
}
