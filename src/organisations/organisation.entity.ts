import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Nation, NATIONS } from '../calendar/bank-holidays';

/** A school (or any employer) whose casework is kept apart from every other's. */
@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** The letterhead (process.md §2): the postal address, lines separated by newlines. */
  @Column('text', { nullable: true })
  address: string | null;

  /** Who signs the organisation's letters, and in what capacity ("Headteacher"). */
  @Column('text', { nullable: true })
  signatoryName: string | null;

  @Column('text', { nullable: true })
  signatoryTitle: string | null;

  /** Whose bank holidays its working days skip (process.md §6; src/calendar/school-calendar.ts). */
  @Column({ type: 'enum', enum: NATIONS, enumName: 'nation', default: 'england_and_wales' })
  nation: Nation;

  /** Its own deadlines in working days, where it set them (process.md §6; src/tasks/task.rules.ts `effectiveDeadlines`: the defaults otherwise). */
  @Column('jsonb', { default: () => "'{}'" })
  deadlines: Record<string, number>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
