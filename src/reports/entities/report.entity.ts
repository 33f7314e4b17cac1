import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseScoped } from '../../cases/entities/case-record';
import { User } from '../../people/entities/user.entity';
import { MISUSE_CATEGORIES, MisuseCategory, PLATFORMS, Platform } from '../../policy/vocabulary';

/** What was seen and where (§4 "report it to the Deputy Headteacher"). */
@Entity('reports')
@Index(['caseId'])
// GET /statistics: an organisation's reports of a period, with what the figures count (report-rows.ts firstReportsMadeInSql);
// made by migration StatisticsReportsPeriod by hand (TypeORM cannot declare INCLUDE)
@Index('IDX_reports_organisation_created', { synchronize: false })
export class Report extends CaseScoped {
  @Column({ type: 'enum', enum: PLATFORMS, enumName: 'platform' })
  platform: Platform;

  @Column('text', { nullable: true })
  platformOther: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  observedAt: Date;

  @Column('text')
  description: string;

  @Column('text', { nullable: true })
  url: string | null;

  @Column({ type: 'enum', enum: MISUSE_CATEGORIES, enumName: 'misuse_category' })
  category: MisuseCategory;

  /** §7.1–7.8 and §8. */
  @Column('text', { array: true })
  policyStandards: string[];

  @Column('boolean')
  involvesPupils: boolean;

  @Column('boolean', { default: false })
  mayMeetHarmThreshold: boolean;

  @Column('uuid')
  loggedByUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'logged_by_user_id' })
  loggedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
