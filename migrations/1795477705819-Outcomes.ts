import { MigrationInterface, QueryRunner } from 'typeorm';
// The generator emitted CREATE TYPE "sanction" twice (outcomes and appeals share it); the duplicate was removed by hand.

export class Outcomes1795477705819 implements MigrationInterface {
  name = 'Outcomes1795477705819';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."sanction" AS ENUM('no_action', 'informal_action', 'first_written_warning', 'final_written_warning', 'dismissal_with_notice', 'summary_dismissal')`,
    );
    await queryRunner.query(
      `CREATE TABLE "outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sanction" "public"."sanction" NOT NULL, "gross_misconduct" boolean NOT NULL, "rationale" text, "decided_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "communicated_at" TIMESTAMP(3) WITH TIME ZONE, "warning_expires_at" TIMESTAMP(3) WITH TIME ZONE, "appeal_deadline" TIMESTAMP(3) WITH TIME ZONE, "separation_waiver_reason" text, "decided_by_role" text NOT NULL, CONSTRAINT "PK_f5b8391e8300f8962eb1842dfca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d681a813c54c39f1d425cd0da4" ON "outcomes"  ("case_id") `);
    await queryRunner.query(`CREATE TYPE "public"."appeal_result" AS ENUM('upheld', 'varied', 'dismissed')`);
    await queryRunner.query(
      `CREATE TABLE "appeals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "outcome_id" uuid NOT NULL, "lodged_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "grounds" text, "result" "public"."appeal_result", "rationale" text, "new_sanction" "public"."sanction", "new_warning_expires_at" TIMESTAMP(3) WITH TIME ZONE, "decided_by_user_id" uuid, "decided_by_role" text, "decided_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_ebd2050a02aa78081b5346152bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4938a4835411ab7f165459f850" ON "appeals"  ("case_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b4138ea9628d5872bfe84fa07f" ON "appeals"  ("outcome_id") `);
    await queryRunner.query(`ALTER TABLE "cases" ADD "retain_until" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "legal_hold_reason" text`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "legal_hold_placed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "legal_hold_placed_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "erased_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_bf1f4c32d65f1dec37885dafd0" ON "cases"  ("organisation_id", "retain_until") `);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_9669a38f6811ca732330fade52e" FOREIGN KEY ("legal_hold_placed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outcomes" ADD CONSTRAINT "FK_d556d9d80f6de670ab340c4af32" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outcomes" ADD CONSTRAINT "FK_d681a813c54c39f1d425cd0da41" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outcomes" ADD CONSTRAINT "FK_ed1ea15ca3ed0ef58f2ab07a4fa" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeals" ADD CONSTRAINT "FK_98299c1c57bb85b7586ad4019bb" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeals" ADD CONSTRAINT "FK_4938a4835411ab7f165459f8504" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeals" ADD CONSTRAINT "FK_07bff8a9d186128c14eeefc7055" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeals" ADD CONSTRAINT "FK_b4138ea9628d5872bfe84fa07f8" FOREIGN KEY ("outcome_id") REFERENCES "outcomes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeals" ADD CONSTRAINT "FK_def16a71b5624d268cc26334b97" FOREIGN KEY ("decided_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appeals" DROP CONSTRAINT "FK_def16a71b5624d268cc26334b97"`);
    await queryRunner.query(`ALTER TABLE "appeals" DROP CONSTRAINT "FK_b4138ea9628d5872bfe84fa07f8"`);
    await queryRunner.query(`ALTER TABLE "appeals" DROP CONSTRAINT "FK_07bff8a9d186128c14eeefc7055"`);
    await queryRunner.query(`ALTER TABLE "appeals" DROP CONSTRAINT "FK_4938a4835411ab7f165459f8504"`);
    await queryRunner.query(`ALTER TABLE "appeals" DROP CONSTRAINT "FK_98299c1c57bb85b7586ad4019bb"`);
    await queryRunner.query(`ALTER TABLE "outcomes" DROP CONSTRAINT "FK_ed1ea15ca3ed0ef58f2ab07a4fa"`);
    await queryRunner.query(`ALTER TABLE "outcomes" DROP CONSTRAINT "FK_d681a813c54c39f1d425cd0da41"`);
    await queryRunner.query(`ALTER TABLE "outcomes" DROP CONSTRAINT "FK_d556d9d80f6de670ab340c4af32"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_9669a38f6811ca732330fade52e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bf1f4c32d65f1dec37885dafd0"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "legal_hold_placed_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "legal_hold_placed_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "legal_hold_reason"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "retain_until"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b4138ea9628d5872bfe84fa07f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4938a4835411ab7f165459f850"`);
    await queryRunner.query(`DROP TABLE "appeals"`);
    await queryRunner.query(`DROP TYPE "public"."appeal_result"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d681a813c54c39f1d425cd0da4"`);
    await queryRunner.query(`DROP TABLE "outcomes"`);
    await queryRunner.query(`DROP TYPE "public"."sanction"`);
  }
}
