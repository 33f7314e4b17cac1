import { Column, Entity, Index } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';

/** A dated statement of what happened, citing evidence of the same case (§4 "establish the facts"). */
@Entity('facts')
@Index(['caseId', 'occurredAt'])
export class Fact extends CaseRecord {
  @Column({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Column('text')
  description: string;

  @Column('uuid', { array: true })
  evidenceIds: string[];
}
