import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { User } from '../../people/entities/user.entity';

/**
 * KCSIE Part 4 (process.md §3): the case manager's consultation of the local authority
 * designated officer (LADO) about an allegation that may meet the harm threshold: when, with
 * whom, the advice, whether the LADO threshold is met, and who the case manager is. Case
 * content: erased with the case (§13).
 */
@Entity('lado_consultations')
@Index(['caseId'])
export class LadoConsultation extends CaseRecord {
  @Column({ type: 'timestamptz', precision: 3 })
  consultedAt: Date;

  /** The LADO (or their office) consulted. */
  @Column('text')
  ladoName: string;

  @Column('text')
  advice: string;

  @Column('boolean')
  thresholdMet: boolean;

  /** The case manager (KCSIE Part 4): the person who manages the allegation, usually the headteacher. */
  @Column('uuid')
  caseManagerUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_manager_user_id' })
  caseManager?: User;
}
