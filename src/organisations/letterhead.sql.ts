import { EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';

/** The organisation's letterhead (process.md §2): its name, postal address and who signs its letters. */
export interface LetterheadRow {
  name: string;
  address: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
}

const COLUMNS = `name, address, signatory_name AS "signatoryName", signatory_title AS "signatoryTitle"`;

export async function loadLetterhead(em: EntityManager, organisationId: string): Promise<LetterheadRow> {
  const row = await queryOne<LetterheadRow>(em, `SELECT ${COLUMNS} FROM organisations WHERE id = $1`, [organisationId]);
  if (!row) throw new Error(`organisation ${organisationId} not found`);
  return row;
}

/** Sets the fields given (undefined: left as it is; null: cleared); answers the letterhead after. */
export async function updateLetterhead(
  em: EntityManager,
  organisationId: string,
  change: Partial<Pick<LetterheadRow, 'address' | 'signatoryName' | 'signatoryTitle'>>,
): Promise<LetterheadRow> {
  const row = await queryOne<LetterheadRow>(
    em,
    `UPDATE organisations SET
       address = CASE WHEN $2 THEN $3 ELSE address END,
       signatory_name = CASE WHEN $4 THEN $5 ELSE signatory_name END,
       signatory_title = CASE WHEN $6 THEN $7 ELSE signatory_title END
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      organisationId,
      change.address !== undefined,
      change.address ?? null,
      change.signatoryName !== undefined,
      change.signatoryName ?? null,
      change.signatoryTitle !== undefined,
      change.signatoryTitle ?? null,
    ],
  );
  return row!;
}
