import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /cases filters and search (issue 10, item 4; docs/case-list.md), answered from indexes
 * at a million cases (docs/benchmarks.md "Case list filters").
 *
 * - `?q=` a part of a reference: GIN trigram index on `cases.reference`; a reference's start
 *   (`SMP-2026-00…`), which every reference shares the trigrams of: btree on
 *   (organisation_id, upper(reference) text_pattern_ops) (src/cases/case-rows.ts
 *   `referenceContainsSql`).
 * - `?q=` a part of a subject's name: GIN trigram index on `staff_members.name`, then the
 *   existing index on `case_parties.staff_id`.
 * - `?safeguarding=true`, `?overdue=true`: the safeguarding cases alone, newest first (a plain
 *   partial index, declared on the Case entity).
 *
 * `pg_trgm` ships with PostgreSQL (contrib; the embedded PostgreSQL has it too) and is a
 * trusted extension since PostgreSQL 13: a database owner without superuser may create it.
 * The GIN indexes are made with `fastupdate = off`: new entries go straight into the index
 * rather than a pending list that every search would have to read through (up to 4 MB).
 * TypeORM cannot declare an operator class or an expression, so those three indexes are
 * written here by hand and declared on the entities under the same names with
 * `synchronize: false`: `migration:check` neither drops them nor asks for them.
 */
export class CaseListSearch1796078774282 implements MigrationInterface {
  name = 'CaseListSearch1796078774282';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_reference_trgm" ON "cases" USING gin ("reference" gin_trgm_ops) WITH (fastupdate = off)`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_reference_prefix" ON "cases" ("organisation_id", upper("reference") text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_staff_members_name_trgm" ON "staff_members" USING gin ("name" gin_trgm_ops) WITH (fastupdate = off)`);
    await queryRunner.query(`CREATE INDEX "IDX_9b0a07ff929f8a0f4e8780004c" ON "cases"  ("organisation_id", "created_at", "id") WHERE "safeguarding"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_9b0a07ff929f8a0f4e8780004c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_staff_members_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cases_reference_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cases_reference_trgm"`);
    // pg_trgm stays: something else may have come to use it since
  }
}
