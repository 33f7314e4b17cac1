import { MigrationInterface, QueryRunner } from 'typeorm';

export class InvestigationExtensions1796110339138 implements MigrationInterface {
  name = 'InvestigationExtensions1796110339138';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "investigation_extensions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "working_days" integer NOT NULL, "reason" text, CONSTRAINT "PK_08d8e99abe8b2b137d7812ceb5c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_10a1773c40c18ed18e640e45a5" ON "investigation_extensions"  ("case_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "investigation_extensions" ADD CONSTRAINT "FK_b9fe96b3c46253fb3dac0f14430" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "investigation_extensions" ADD CONSTRAINT "FK_b42650d660d29389c72a192a436" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "investigation_extensions" ADD CONSTRAINT "FK_dbeb4003de8dc6528b7e9a27d67" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "investigation_extensions" DROP CONSTRAINT "FK_dbeb4003de8dc6528b7e9a27d67"`);
    await queryRunner.query(`ALTER TABLE "investigation_extensions" DROP CONSTRAINT "FK_b42650d660d29389c72a192a436"`);
    await queryRunner.query(`ALTER TABLE "investigation_extensions" DROP CONSTRAINT "FK_b9fe96b3c46253fb3dac0f14430"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_10a1773c40c18ed18e640e45a5"`);
    await queryRunner.query(`DROP TABLE "investigation_extensions"`);
  }
}
