import { Column, Entity, Index } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';

/** The subject's response to the allegations, or a recorded refusal to respond. */
@Entity('subject_responses')
@Index(['caseId', 'receivedAt'])
export class SubjectResponse extends CaseRecord {
  @Column({ type: 'timestamptz', precision: 3 })
  receivedAt: Date;

  @Column('text')
  response: string;

  @Column('boolean', { default: false })
  refusedToRespond: boolean;
}
