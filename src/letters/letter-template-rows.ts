import { EntityManager } from 'typeorm';
import { isoSql, queryRows } from '../database/sql';

/** The letter_templates table (entities/letter-template.entity.ts). */

export interface TemplateRow {
  kind: string;
  body: string;
  updatedAt: string;
}

export function templatesOf(em: EntityManager, organisationId: string): Promise<TemplateRow[]> {
  return queryRows<TemplateRow>(
    em,
    `SELECT kind, body, ${isoSql('updated_at')} AS "updatedAt" FROM letter_templates WHERE organisation_id = $1 ORDER BY kind`,
    [organisationId],
  );
}

export async function saveTemplate(em: EntityManager, organisationId: string, kind: string, body: string, userId: string, at: Date): Promise<void> {
  await em.query(
    `INSERT INTO letter_templates (organisation_id, kind, body, updated_by_user_id, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organisation_id, kind) DO UPDATE SET body = EXCLUDED.body, updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = EXCLUDED.updated_at`,
    [organisationId, kind, body, userId, at],
  );
}
