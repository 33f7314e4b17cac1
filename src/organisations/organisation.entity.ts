import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
