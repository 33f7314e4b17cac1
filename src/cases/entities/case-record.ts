import { Column, CreateDateColumn, JoinColumn, ManyToOne } from 'typeorm';
import { OrganisationScoped } from '../../organisations/organisation-scoped';
import { User } from '../../people/entities/user.entity';
import { Case } from './case.entity';

/** A row that belongs to one case. */
export abstract class CaseScoped extends OrganisationScoped {
  @Column('uuid')
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;
}

/**
 * What every record inside a case carries: its organisation, its case, who recorded it and
 * when. Entities extend this.
 */
export abstract class CaseRecord extends CaseScoped {
  @Column('uuid')
  recordedByUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
