import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';

/** Last reference number issued per organisation and year; bumped atomically. */
@Entity('case_reference_counters')
export class CaseReferenceCounter {
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @PrimaryColumn('int')
  year: number;

  @Column('int')
  last: number;
}
