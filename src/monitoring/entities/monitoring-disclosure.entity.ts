import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { MonitoringAuthorisation } from './monitoring-authorisation.entity';

/** §9 "This information may be disclosed to a third party for the purposes of obtaining advice". */
@Entity('monitoring_disclosures')
@Index(['authorisationId', 'disclosedAt'])
export class MonitoringDisclosure extends CaseRecord {
  @Column('uuid')
  authorisationId: string;

  @ManyToOne(() => MonitoringAuthorisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorisation_id' })
  authorisation?: MonitoringAuthorisation;

  @Column('text')
  recipient: string;

  @Column('text')
  purpose: string;

  @Column({ type: 'timestamptz', precision: 3 })
  disclosedAt: Date;
}
