import { Column, Entity, Index } from 'typeorm';
import { CaseRecord } from '../cases/entities/case-record';

/** A referral to the designated safeguarding lead or the LADO (§5 safeguarding). */
@Entity('safeguarding_referrals')
@Index(['caseId'])
export class SafeguardingReferral extends CaseRecord {
  @Column('text')
  referredTo: string;

  @Column({ type: 'timestamptz', precision: 3 })
  referredAt: Date;

  @Column('text', { nullable: true })
  notes: string | null;
}
