import { Column, Entity, Index } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { SANCTIONS, Sanction } from '../outcome.rules';

/** The decision (§12). `recordedByUserId` is the decision-maker. One per case. */
@Entity('outcomes')
@Index(['caseId'], { unique: true })
export class Outcome extends CaseRecord {
  @Column({ type: 'enum', enum: SANCTIONS, enumName: 'sanction' })
  sanction: Sanction;

  @Column('boolean')
  grossMisconduct: boolean;

  /** Erased under retention (§13); the sanction stays on the tombstone. */
  @Column('text', { nullable: true })
  rationale: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  decidedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  communicatedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  warningExpiresAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  appealDeadline: Date | null;

  /** A small school may let the investigator decide, with a recorded reason (ACAS; audited). */
  @Column('text', { nullable: true })
  separationWaiverReason: string | null;

  @Column('text')
  decidedByRole: string;
}
