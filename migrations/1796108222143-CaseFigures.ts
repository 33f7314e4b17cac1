import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseFigures1796108222143 implements MigrationInterface {
  name = 'CaseFigures1796108222143';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_figures" ("case_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "reported_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "safeguarding" boolean NOT NULL, "category" text NOT NULL, "platform" text NOT NULL, "standards" text array NOT NULL, "outcome" text NOT NULL, "reported_on" date NOT NULL, "triaged_on" date, "decided_on" date, "closed_on" date, CONSTRAINT "PK_f54351ac6c990dfd746e6ebfe4a" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ab63b77dcf282708cbc3057fac" ON "case_figures"  ("organisation_id", "reported_at") `);
    await queryRunner.query(
      `ALTER TABLE "case_figures" ADD CONSTRAINT "FK_f54351ac6c990dfd746e6ebfe4a" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_figures" ADD CONSTRAINT "FK_ec32520e47583bd08f4753e4626" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Every existing case's figures, derived as src/statistics/case-figures.sql.ts derives them
    // at this version (a frozen copy: a migration does not move when the code does)
    await queryRunner.query(`INSERT INTO case_figures (case_id, organisation_id, reported_at, safeguarding, category, platform, standards, outcome,
        reported_on, triaged_on, decided_on, closed_on)
      SELECT c.id, c.organisation_id, c.created_at, c.safeguarding,
        CASE WHEN c.erased_at IS NOT NULL OR r.category IS NULL THEN 'erased' ELSE r.category::text END,
        CASE WHEN c.erased_at IS NOT NULL OR r.category IS NULL THEN 'erased' ELSE r.platform::text END,
        CASE WHEN c.erased_at IS NOT NULL OR r.category IS NULL THEN ARRAY['erased'] ELSE r.policy_standards::text[] END,
        CASE WHEN o.id IS NOT NULL THEN (CASE WHEN a.result = 'upheld' THEN 'no_action'
               WHEN a.result = 'varied' THEN COALESCE(a.new_sanction, o.sanction)::text ELSE o.sanction::text END)
             WHEN c.triage_decision IN ('no_further_action', 'informal_resolution') THEN 'closed_at_triage'
             ELSE 'no_outcome_yet' END,
        (c.created_at AT TIME ZONE 'Europe/London')::date, (c.triaged_at AT TIME ZONE 'Europe/London')::date,
        (o.decided_at AT TIME ZONE 'Europe/London')::date, (c.closed_at AT TIME ZONE 'Europe/London')::date
      FROM cases c
      LEFT JOIN reports r ON r.case_id = c.id AND r.created_at = c.created_at
      LEFT JOIN outcomes o ON o.case_id = c.id
      LEFT JOIN appeals a ON a.outcome_id = o.id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_figures" DROP CONSTRAINT "FK_ec32520e47583bd08f4753e4626"`);
    await queryRunner.query(`ALTER TABLE "case_figures" DROP CONSTRAINT "FK_f54351ac6c990dfd746e6ebfe4a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab63b77dcf282708cbc3057fac"`);
    await queryRunner.query(`DROP TABLE "case_figures"`);
  }
}
