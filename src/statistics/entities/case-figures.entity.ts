import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Case } from '../../cases/entities/case.entity';
import { Organisation } from '../../organisations/organisation.entity';

/**
 * One case's figures for governors (process.md §5), kept so that GET /statistics reads one
 * narrow row a case instead of joining cases, reports, outcomes and appeals at a million
 * cases (docs/benchmarks.md "Issue 12: statistics"). Derived, never told: written only by
 * case-figures.sql.ts `refreshCaseFigures`, which the case runner calls after every change of
 * a case, from the case's own records. Vocabulary values, a flag and local dates: no names,
 * references or free text. The dates, not working-day counts, are kept, so that a change
 * of the holidays needs no rewrite.
 */
@Entity('case_figures')
@Index(['organisationId', 'reportedAt'])
export class CaseFigures {
  @PrimaryColumn('uuid')
  caseId: string;

  @OneToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** The case's `created_at`: when it was reported (the period filter). */
  @Column({ type: 'timestamptz', precision: 3 })
  reportedAt: Date;

  @Column('boolean')
  safeguarding: boolean;

  /** Its first report's App.A category, §2 platform and §7/§8 standards; `erased` once retention took the report (statistics.rules.ts ERASED). */
  @Column('text')
  category: string;

  @Column('text')
  platform: string;

  @Column('text', { array: true })
  standards: string[];

  /** The sanction in force after any appeal, `closed_at_triage` or `no_outcome_yet` (statistics.rules.ts OUTCOME_KEYS). */
  @Column('text')
  outcome: string;

  /** Local dates (Europe/London) of the report, triage, the outcome decision and closure. */
  @Column('date')
  reportedOn: string;

  @Column('date', { nullable: true })
  triagedOn: string | null;

  @Column('date', { nullable: true })
  decidedOn: string | null;

  @Column('date', { nullable: true })
  closedOn: string | null;
}
