import { Pool } from 'pg';
import { refreshOrganisationFigures } from '../../src/statistics/case-figures.sql';

/**
 * The kept figures for governors (statistics/case-figures.sql.ts) are each case's own: every
 * case of the organisation has its row, and it is what a fresh derivation from the case's
 * records gives (derived in a transaction rolled back, so the check changes nothing).
 */
export async function expectCaseFiguresKept(db: Pool, organisationId: string): Promise<void> {
  const client = await db.connect();
  try {
    const read = async () =>
      (
        await client.query(
          `SELECT c.id AS case, f.reported_at, f.safeguarding, f.category, f.platform, f.standards, f.outcome,
                  f.reported_on::text, f.triaged_on::text, f.decided_on::text, f.closed_on::text
           FROM cases c LEFT JOIN case_figures f ON f.case_id = c.id WHERE c.organisation_id = $1 ORDER BY c.id`,
          [organisationId],
        )
      ).rows;
    const kept = await read();
    await client.query('BEGIN');
    try {
      await refreshOrganisationFigures(client, organisationId);
      expect(kept).toEqual(await read());
    } finally {
      await client.query('ROLLBACK');
    }
  } finally {
    client.release();
  }
}
