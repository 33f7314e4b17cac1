import { Column, Entity, Index } from 'typeorm';
import { CaseScoped } from '../../cases/entities/case-record';
import { SENT_METHODS, SentMethod } from '../letter.rules';

/**
 * A letter of a written step (process.md §2), next to the step's record it is made from
 * (`recordId`: the notice, the outcome, the appeal) and addressed to one subject of the case.
 * The letter itself is not stored: it is generated from the records each time. This row says
 * when it was generated, and — what satisfies the written step — when and how it was sent.
 * Case content: erased with the case (§13).
 */
@Entity('letters')
@Index(['caseId', 'kind', 'recordId', 'subjectStaffId'], { unique: true })
export class Letter extends CaseScoped {
  /** The letter's kind, as the registry names it (kinds/index.ts); text, so a new kind needs no migration. */
  @Column('text')
  kind: string;

  @Column('uuid')
  recordId: string;

  @Column('uuid')
  subjectStaffId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  firstGeneratedAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  lastGeneratedAt: Date;

  @Column('uuid')
  lastGeneratedByUserId: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'enum', enum: SENT_METHODS, enumName: 'letter_sent_method', nullable: true })
  sentMethod: SentMethod | null;

  @Column('uuid', { nullable: true })
  sentRecordedByUserId: string | null;
}
