import { localDateSql } from '../calendar/working-days.sql';
import { sanctionInForceSql } from '../outcomes/outcome-rows';
import { ERASED } from './statistics.rules';

/**
 * The one writer of `case_figures` (entities/case-figures.entity.ts): each case's figures for
 * governors, derived from its own records — the case (`cases`), its first report (`reports`,
 * made with the case at the same instant), its outcome and any appeal (`outcomes`, `appeals`,
 * the outcomes module's `sanctionInForceSql`). Read by the statistics statement only.
 *
 * Kept, not told: the case runner (cases/case-runner.service.ts) refreshes a case's row after
 * every change of it, in the change's transaction, so the figures move with the case and
 * roll back with it. A row that would not change is not rewritten. The statistics e2e test
 * holds every stored row equal to a fresh derivation ("the kept figures are the case's").
 */

/** What one case's figures are, from its records; `scope` selects the cases (a condition on `c`). */
function upsertSql(scope: string): string {
  const erased = `(c.erased_at IS NOT NULL OR r.category IS NULL)`;
  return `INSERT INTO case_figures AS f (case_id, organisation_id, reported_at, safeguarding, category, platform, standards, outcome,
      reported_on, triaged_on, decided_on, closed_on)
    SELECT c.id, c.organisation_id, c.created_at, c.safeguarding,
      CASE WHEN ${erased} THEN '${ERASED}' ELSE r.category::text END,
      CASE WHEN ${erased} THEN '${ERASED}' ELSE r.platform::text END,
      CASE WHEN ${erased} THEN ARRAY['${ERASED}'] ELSE r.policy_standards::text[] END,
      CASE WHEN o.id IS NOT NULL THEN ${sanctionInForceSql('o', 'a')}
           WHEN c.triage_decision IN ('no_further_action', 'informal_resolution') THEN 'closed_at_triage'
           ELSE 'no_outcome_yet' END,
      ${localDateSql('c.created_at')}, ${localDateSql('c.triaged_at')}, ${localDateSql('o.decided_at')}, ${localDateSql('c.closed_at')}
    FROM cases c
    LEFT JOIN reports r ON r.case_id = c.id AND r.created_at = c.created_at
    LEFT JOIN outcomes o ON o.case_id = c.id
    LEFT JOIN appeals a ON a.outcome_id = o.id
    WHERE ${scope}
    ON CONFLICT (case_id) DO UPDATE SET reported_at = EXCLUDED.reported_at, safeguarding = EXCLUDED.safeguarding,
      category = EXCLUDED.category, platform = EXCLUDED.platform, standards = EXCLUDED.standards, outcome = EXCLUDED.outcome,
      reported_on = EXCLUDED.reported_on, triaged_on = EXCLUDED.triaged_on, decided_on = EXCLUDED.decided_on, closed_on = EXCLUDED.closed_on
    WHERE (f.reported_at, f.safeguarding, f.category, f.platform, f.standards, f.outcome, f.reported_on, f.triaged_on, f.decided_on, f.closed_on)
      IS DISTINCT FROM (EXCLUDED.reported_at, EXCLUDED.safeguarding, EXCLUDED.category, EXCLUDED.platform, EXCLUDED.standards,
        EXCLUDED.outcome, EXCLUDED.reported_on, EXCLUDED.triaged_on, EXCLUDED.decided_on, EXCLUDED.closed_on)`;
}

/** Something that runs a statement: a transaction's EntityManager, or a pg client (the benchmark's seed). */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** A case's figures, brought up to date with its records (the case runner, after each change; a test that moved a case's dates by SQL). */
export async function refreshCaseFigures(db: Queryable, caseId: string): Promise<void> {
  await db.query(upsertSql(`c.id = $1`), [caseId]);
}

/** Every case of an organisation at once: a database filled without the API (bench/seed.ts), or a check that nothing drifted. */
export async function refreshOrganisationFigures(db: Queryable, organisationId: string): Promise<void> {
  await db.query(upsertSql(`c.organisation_id = $1`), [organisationId]);
}
