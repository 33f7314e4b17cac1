import { Column, Entity, Index } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { BARRING_BODIES, BarringBody } from '../referral-decisions.rules';

/**
 * KCSIE Part 4 (process.md §3): the decision on referring a dismissed subject to the DBS or
 * (for a teacher) the TRA: referred and when, or not referred and why. The latest decision per
 * body stands; earlier ones stay as history. Case content: erased with the case (§13).
 */
@Entity('referral_decisions')
@Index(['caseId', 'createdAt'])
export class ReferralDecision extends CaseRecord {
  @Column({ type: 'enum', enum: BARRING_BODIES, enumName: 'barring_body' })
  body: BarringBody;

  @Column('boolean')
  referred: boolean;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  referredAt: Date | null;

  @Column('text', { nullable: true })
  reasonNotReferred: string | null;
}
