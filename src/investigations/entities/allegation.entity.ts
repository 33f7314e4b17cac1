import { Column, Entity, Index } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { MISUSE_CATEGORIES, MisuseCategory } from '../../policy/vocabulary';
import { Finding, RECORDABLE_FINDINGS } from '../investigation.rules';

/** An allegation, tied to a §7 standard / §8 or an App.A category, and its finding. */
@Entity('allegations')
@Index(['caseId', 'createdAt'])
export class Allegation extends CaseRecord {
  @Column('text', { nullable: true })
  policyStandard: string | null;

  @Column({ type: 'enum', enum: MISUSE_CATEGORIES, enumName: 'misuse_category', nullable: true })
  category: MisuseCategory | null;

  @Column('text')
  summary: string;

  @Column({ type: 'enum', enum: RECORDABLE_FINDINGS, enumName: 'finding', nullable: true })
  finding: Finding | null;

  @Column('text', { nullable: true })
  findingReasoning: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  findingRecordedAt: Date | null;
}
