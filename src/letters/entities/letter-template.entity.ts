import { Column, Entity, Index } from 'typeorm';
import { OrganisationScoped } from '../../organisations/organisation-scoped';

/** An organisation's own wording of a letter (process.md §2); without a row, the default wording of the kind. */
@Entity('letter_templates')
@Index(['organisationId', 'kind'], { unique: true })
export class LetterTemplate extends OrganisationScoped {
  @Column('text')
  kind: string;

  /** Paragraphs separated by a blank line, with the system's {{placeholders}} (letter-template.rules.ts). */
  @Column('text')
  body: string;

  @Column('uuid')
  updatedByUserId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
