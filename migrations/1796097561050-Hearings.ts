import { MigrationInterface, QueryRunner } from 'typeorm';

export class Hearings1796097561050 implements MigrationInterface {
  name = 'Hearings1796097561050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."hearing_kind" AS ENUM('disciplinary', 'appeal')`);
    await queryRunner.query(
      `CREATE TYPE "public"."companion_category" AS ENUM('work_colleague', 'trade_union_representative', 'trade_union_official', 'other_reasonable_adjustment')`,
    );
    await queryRunner.query(
      `CREATE TABLE "hearings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."hearing_kind" NOT NULL, "appeal_id" uuid, "chair_user_id" uuid NOT NULL, "chair_role" "public"."role" NOT NULL, "invited_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "original_scheduled_for" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "scheduled_for" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "place" text NOT NULL, "notice_working_days" smallint NOT NULL, "evidence_ids" uuid array NOT NULL DEFAULT '{}', "possible_outcomes" "public"."sanction" array NOT NULL, "superseded_at" TIMESTAMP(3) WITH TIME ZONE, "held_at" TIMESTAMP(3) WITH TIME ZONE, "subject_attended" boolean, "attendees" jsonb, "companion_name" text, "companion_category" "public"."companion_category", "companion_adjustment_reason" text, "notes" text, "representations" text, "absence_reason" text, "held_recorded_by_user_id" uuid, CONSTRAINT "PK_79d1a17d4ddd70a11c44bf3b42c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_18aaa75a1795cce519ff4fd34c" ON "hearings"  ("case_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."rearrangement_basis" AS ENUM('companion_unavailable', 'chair_decision')`);
    await queryRunner.query(
      `CREATE TABLE "hearing_rearrangements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "hearing_id" uuid NOT NULL, "previous_scheduled_for" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "scheduled_for" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "basis" "public"."rearrangement_basis" NOT NULL, "reason" text, CONSTRAINT "PK_c83461c51f4c124341e8a52b181" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2190c5c8d572fcbeca58ff3cd6" ON "hearing_rearrangements"  ("hearing_id", "created_at") `);
    await queryRunner.query(`DROP INDEX "public"."IDX_2549fbf41431ac2ab1af7f717f"`);
    await queryRunner.query(`ALTER TYPE "public"."case_status" ADD VALUE 'hearing' AFTER 'awaiting_decision'`);
    await queryRunner.query(`CREATE INDEX "IDX_2549fbf41431ac2ab1af7f717f" ON "cases"  ("organisation_id", "status", "created_at", "id") `);
    await queryRunner.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "FK_855a64d348b704c8c833bcd9fb0" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "FK_94fa64845b03d2f95a78bf21797" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "FK_c01da2c51a597060de38cf09fa9" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "FK_c468793d7800292fe68630dd077" FOREIGN KEY ("appeal_id") REFERENCES "appeals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "FK_6584572284ede3e5d42a9c4ffa4" FOREIGN KEY ("chair_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "FK_bd27a0475f5ddf6d4b4f0dd7c05" FOREIGN KEY ("held_recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_rearrangements" ADD CONSTRAINT "FK_1eae04c74a92e1a0a54261fb474" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_rearrangements" ADD CONSTRAINT "FK_eb51984e9769f6bcbb9c8357a30" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_rearrangements" ADD CONSTRAINT "FK_1eada0f15a451510f05dc9c2b9f" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_rearrangements" ADD CONSTRAINT "FK_6615c45cd1ae77471e2bfa59b25" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hearing_rearrangements" DROP CONSTRAINT "FK_6615c45cd1ae77471e2bfa59b25"`);
    await queryRunner.query(`ALTER TABLE "hearing_rearrangements" DROP CONSTRAINT "FK_1eada0f15a451510f05dc9c2b9f"`);
    await queryRunner.query(`ALTER TABLE "hearing_rearrangements" DROP CONSTRAINT "FK_eb51984e9769f6bcbb9c8357a30"`);
    await queryRunner.query(`ALTER TABLE "hearing_rearrangements" DROP CONSTRAINT "FK_1eae04c74a92e1a0a54261fb474"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP CONSTRAINT "FK_bd27a0475f5ddf6d4b4f0dd7c05"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP CONSTRAINT "FK_6584572284ede3e5d42a9c4ffa4"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP CONSTRAINT "FK_c468793d7800292fe68630dd077"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP CONSTRAINT "FK_c01da2c51a597060de38cf09fa9"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP CONSTRAINT "FK_94fa64845b03d2f95a78bf21797"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP CONSTRAINT "FK_855a64d348b704c8c833bcd9fb0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2549fbf41431ac2ab1af7f717f"`);
    await queryRunner.query(`CREATE TYPE "public"."case_status_old" AS ENUM('reported', 'investigation', 'awaiting_decision', 'decided', 'appeal', 'closed')`);
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "status" TYPE "public"."case_status_old" USING "status"::"text"::"public"."case_status_old"`);
    await queryRunner.query(`DROP TYPE "public"."case_status"`);
    await queryRunner.query(`ALTER TYPE "public"."case_status_old" RENAME TO "case_status"`);
    await queryRunner.query(`CREATE INDEX "IDX_2549fbf41431ac2ab1af7f717f" ON "cases" USING btree ("id", "organisation_id", "status", "created_at") `);
    await queryRunner.query(`DROP INDEX "public"."IDX_2190c5c8d572fcbeca58ff3cd6"`);
    await queryRunner.query(`DROP TABLE "hearing_rearrangements"`);
    await queryRunner.query(`DROP TYPE "public"."rearrangement_basis"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_18aaa75a1795cce519ff4fd34c"`);
    await queryRunner.query(`DROP TABLE "hearings"`);
    await queryRunner.query(`DROP TYPE "public"."companion_category"`);
    await queryRunner.query(`DROP TYPE "public"."hearing_kind"`);
  }
}
