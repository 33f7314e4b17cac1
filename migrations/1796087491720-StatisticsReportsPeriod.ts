import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /statistics (issue 12; docs/statistics.md, docs/benchmarks.md "Issue 12: statistics"):
 * the reports of an organisation made in a period — those of the cases reported in it — as one
 * range of an index that holds what the figures count (the case, App.A category, §2 platform,
 * §7 standards), so that a year of a million-case organisation's reports is read from the
 * index and joined by hash rather than looked up case by case (src/reports/report-rows.ts
 * `firstReportsMadeInSql`). TypeORM cannot declare INCLUDE: declared on the Report entity
 * under the same name with `synchronize: false`.
 */
export class StatisticsReportsPeriod1796087491720 implements MigrationInterface {
  name = 'StatisticsReportsPeriod1796087491720';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_reports_organisation_created" ON "reports" ("organisation_id", "created_at") INCLUDE ("case_id", "category", "platform", "policy_standards")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_reports_organisation_created"`);
  }
}
