import { MigrationInterface, QueryRunner } from 'typeorm';

export class Monitoring1795477499846 implements MigrationInterface {
  name = 'Monitoring1795477499846';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."monitoring_scope" AS ENUM('school_systems', 'personal_social_media')`);
    await queryRunner.query(`CREATE TYPE "public"."monitoring_reason" AS ENUM('working_time_use', 'policy_breach', 'it_security', 'data_protection')`);
    await queryRunner.query(`CREATE TYPE "public"."monitoring_status" AS ENUM('pending', 'approved', 'rejected')`);
    await queryRunner.query(
      `CREATE TABLE "monitoring_authorisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "scope" "public"."monitoring_scope" NOT NULL, "reason" "public"."monitoring_reason" NOT NULL, "justification" text NOT NULL, "proportionality" text NOT NULL, "period_from" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "period_to" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "systems" text array NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "allegation_ids" uuid array NOT NULL DEFAULT '{}', "status" "public"."monitoring_status" NOT NULL DEFAULT 'pending', "decided_by_user_id" uuid, "decided_by_role" text, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "decision_note" text, CONSTRAINT "PK_308ee809472956c8b606731ae41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8494d54ed31279a8d435a568c0" ON "monitoring_authorisations"  ("case_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "monitoring_disclosures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "authorisation_id" uuid NOT NULL, "recipient" text NOT NULL, "purpose" text NOT NULL, "disclosed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0cda3c18323dfc39a9c7be94d3d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_665147f0d08cdebb1130d2e1cd" ON "monitoring_disclosures"  ("authorisation_id", "disclosed_at") `);
    await queryRunner.query(`ALTER TABLE "evidence_custody_events" ADD "recipient" text`);
    await queryRunner.query(`ALTER TABLE "evidence_custody_events" ADD "occurred_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "monitoring_authorisations" ADD CONSTRAINT "FK_6530d18b4757309431fd2d9c643" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_authorisations" ADD CONSTRAINT "FK_dd48addd60823b753f7d205889c" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_authorisations" ADD CONSTRAINT "FK_c8b050ad7476f521ec360c33ca7" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_authorisations" ADD CONSTRAINT "FK_6e0c8f246f92f23075b9ad22d82" FOREIGN KEY ("decided_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_83ca605a046e3d263e1a9e5cbb1" FOREIGN KEY ("monitoring_authorisation_id") REFERENCES "monitoring_authorisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_disclosures" ADD CONSTRAINT "FK_5371b2d72a5795f5b6c9c92bc84" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_disclosures" ADD CONSTRAINT "FK_27a2c58b949427bd2f508fc546c" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_disclosures" ADD CONSTRAINT "FK_b73a006eadd63e86676bb59de37" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_disclosures" ADD CONSTRAINT "FK_c222d44b41b516fafae3f60214e" FOREIGN KEY ("authorisation_id") REFERENCES "monitoring_authorisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitoring_disclosures" DROP CONSTRAINT "FK_c222d44b41b516fafae3f60214e"`);
    await queryRunner.query(`ALTER TABLE "monitoring_disclosures" DROP CONSTRAINT "FK_b73a006eadd63e86676bb59de37"`);
    await queryRunner.query(`ALTER TABLE "monitoring_disclosures" DROP CONSTRAINT "FK_27a2c58b949427bd2f508fc546c"`);
    await queryRunner.query(`ALTER TABLE "monitoring_disclosures" DROP CONSTRAINT "FK_5371b2d72a5795f5b6c9c92bc84"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_83ca605a046e3d263e1a9e5cbb1"`);
    await queryRunner.query(`ALTER TABLE "monitoring_authorisations" DROP CONSTRAINT "FK_6e0c8f246f92f23075b9ad22d82"`);
    await queryRunner.query(`ALTER TABLE "monitoring_authorisations" DROP CONSTRAINT "FK_c8b050ad7476f521ec360c33ca7"`);
    await queryRunner.query(`ALTER TABLE "monitoring_authorisations" DROP CONSTRAINT "FK_dd48addd60823b753f7d205889c"`);
    await queryRunner.query(`ALTER TABLE "monitoring_authorisations" DROP CONSTRAINT "FK_6530d18b4757309431fd2d9c643"`);
    await queryRunner.query(`ALTER TABLE "evidence_custody_events" DROP COLUMN "occurred_at"`);
    await queryRunner.query(`ALTER TABLE "evidence_custody_events" DROP COLUMN "recipient"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_665147f0d08cdebb1130d2e1cd"`);
    await queryRunner.query(`DROP TABLE "monitoring_disclosures"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8494d54ed31279a8d435a568c0"`);
    await queryRunner.query(`DROP TABLE "monitoring_authorisations"`);
    await queryRunner.query(`DROP TYPE "public"."monitoring_status"`);
    await queryRunner.query(`DROP TYPE "public"."monitoring_reason"`);
    await queryRunner.query(`DROP TYPE "public"."monitoring_scope"`);
  }
}
