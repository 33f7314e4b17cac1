import { Column, Entity, Index } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { NOTICE_METHODS, NoticeMethod } from '../investigation.rules';

/** The subject told in writing of allegations: when and how (ACAS Code). */
@Entity('subject_notifications')
@Index(['caseId', 'sentAt'])
export class SubjectNotification extends CaseRecord {
  @Column({ type: 'timestamptz', precision: 3 })
  sentAt: Date;

  @Column({ type: 'enum', enum: NOTICE_METHODS, enumName: 'notice_method' })
  method: NoticeMethod;

  @Column('uuid', { array: true })
  allegationIds: string[];
}
