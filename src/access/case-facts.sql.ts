import { EntityManager } from 'typeorm';
import type { PartyCapacity } from '../cases/entities/case-party.entity';
import type { CaseStatus } from '../cases/lifecycle';
import { queryOne } from '../database/sql';
import { grievanceFactsSql } from '../grievances/grievance-facts.sql';
import { everInvestigatorsSql } from '../investigations/assignments.sql';
import { appealDeciderSql, outcomeDeciderSql } from '../outcomes/deciders.sql';
import { activeRoleHoldersSql } from '../people/role-holders.sql';
import { CaseFacts, Person } from './conflicts';

/**
 * The facts the access rules need (conflicts.ts), as columns over `cases c`: read with the
 * case view in the same statement, or alone (optionally taking the case row lock). Each
 * part comes from the module that owns its table.
 *
 * The facts of the case itself, without the organisation's role holders (see CASE_FACTS_COLUMNS). */
export const CASE_FACTS_CASE_COLUMNS = `c.id AS fact_id, c.organisation_id AS fact_organisation_id, c.status AS fact_status,
  c.erased_at IS NOT NULL AS fact_erased, c.investigator_user_id AS fact_investigator_user_id,
  COALESCE((SELECT json_agg(json_build_object('capacity', fp.capacity, 'staffId', fp.staff_id))
            FROM case_parties fp WHERE fp.case_id = c.id), '[]') AS fact_parties,
  ${everInvestigatorsSql('c.id')} AS fact_investigator_user_ids,
  ${outcomeDeciderSql('c.id')} AS fact_outcome_decided_by,
  ${appealDeciderSql('c.id')} AS fact_appeal_decided_by,
  ${grievanceFactsSql('c.id')} AS fact_grievances`;

/** The organisation's active headteachers and governors, for `organisationSql` (the same for every case of it). */
export const roleHolderFactsColumns = (organisationSql: string) => `${activeRoleHoldersSql('headteacher', organisationSql)} AS fact_headteachers,
  ${activeRoleHoldersSql('governor', organisationSql)} AS fact_governors`;

export const CASE_FACTS_COLUMNS = `${CASE_FACTS_CASE_COLUMNS},
  ${roleHolderFactsColumns('c.organisation_id')}`;

export interface CaseFactsRow {
  fact_id: string;
  fact_organisation_id: string;
  fact_status: CaseStatus;
  fact_erased: boolean;
  fact_investigator_user_id: string | null;
  fact_parties: Array<{ capacity: PartyCapacity; staffId: string | null }>;
  fact_investigator_user_ids: string[];
  fact_outcome_decided_by: string | null;
  fact_appeal_decided_by: string | null;
  fact_headteachers: Person[];
  fact_governors: Person[];
  fact_grievances: NonNullable<CaseFacts['grievances']>;
}

export function toCaseFacts(row: CaseFactsRow): CaseFacts {
  return {
    id: row.fact_id,
    organisationId: row.fact_organisation_id,
    status: row.fact_status,
    erased: row.fact_erased,
    investigatorUserId: row.fact_investigator_user_id,
    parties: row.fact_parties,
    investigatorUserIds: row.fact_investigator_user_ids,
    outcomeDecidedByUserId: row.fact_outcome_decided_by,
    appealDecidedByUserId: row.fact_appeal_decided_by,
    headteachers: row.fact_headteachers,
    governors: row.fact_governors,
    grievances: row.fact_grievances,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The facts of one case of the organisation, or undefined; `lock` takes the case row FOR UPDATE. */
export async function loadCaseFacts(em: EntityManager, organisationId: string, caseId: string, lock = false): Promise<CaseFacts | undefined> {
  if (!UUID.test(caseId)) return undefined;
  const row = await queryOne<CaseFactsRow>(
    em,
    `SELECT ${CASE_FACTS_COLUMNS} FROM cases c WHERE c.id = $1 AND c.organisation_id = $2 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [caseId, organisationId],
  );
  return row ? toCaseFacts(row) : undefined;
}
