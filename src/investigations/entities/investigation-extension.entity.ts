import { Column, Entity, Index } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';

/**
 * More time for an investigation (process.md §6: "investigation 20 (extendable with a reason)"),
 * granted by whoever appoints the investigating manager. Case content: its reason is erased
 * with the investigation (§13).
 */
@Entity('investigation_extensions')
@Index(['caseId', 'createdAt'])
export class InvestigationExtension extends CaseRecord {
  /** Working days added to the investigation's deadline. */
  @Column('int')
  workingDays: number;

  @Column('text', { nullable: true })
  reason: string | null;
}
