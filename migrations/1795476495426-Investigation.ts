import { MigrationInterface, QueryRunner } from 'typeorm';

export class Investigation1795476495426 implements MigrationInterface {
  name = 'Investigation1795476495426';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "investigator_user_id" uuid NOT NULL, "ended_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_87ea587a5ab124bd964c8db5ff7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e3ac12f0c6145eb9ecf9c8ce63" ON "case_assignments"  ("case_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."finding" AS ENUM('substantiated', 'not_substantiated', 'inconclusive')`);
    await queryRunner.query(
      `CREATE TABLE "allegations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "policy_standard" text, "category" "public"."misuse_category", "summary" text NOT NULL, "finding" "public"."finding", "finding_reasoning" text, "finding_recorded_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_c44c2c611bb068595da944f08cc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8fa0d540e2dd126c5d3bbd1285" ON "allegations"  ("case_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "facts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "description" text NOT NULL, "evidence_ids" uuid array NOT NULL, CONSTRAINT "PK_b35218a44dc3d5dd2f0f54d7e3f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6734b1b1f9e18b90e808a7cabf" ON "facts"  ("case_id", "occurred_at") `);
    await queryRunner.query(`CREATE TYPE "public"."interview_capacity" AS ENUM('subject', 'witness')`);
    await queryRunner.query(
      `CREATE TABLE "interviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "staff_id" uuid, "name" text, "capacity" "public"."interview_capacity" NOT NULL, "held_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "accompanied_by" text, "statement" text NOT NULL, CONSTRAINT "PK_fd41af1f96d698fa33c2f070f47" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ba12cf77e8795bce026c5101a1" ON "interviews"  ("case_id", "held_at") `);
    await queryRunner.query(`CREATE TYPE "public"."notice_method" AS ENUM('letter', 'email', 'hand_delivered')`);
    await queryRunner.query(
      `CREATE TABLE "subject_notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "method" "public"."notice_method" NOT NULL, "allegation_ids" uuid array NOT NULL, CONSTRAINT "PK_27d3a7b770a62fcf51e3a70a690" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bce0f6474d3770d4af90b6dc56" ON "subject_notifications"  ("case_id", "sent_at") `);
    await queryRunner.query(
      `CREATE TABLE "subject_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "response" text NOT NULL, "refused_to_respond" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_6056a12a79069191172b92aa59c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_090a2ccf91aca42bfff3d6a923" ON "subject_responses"  ("case_id", "received_at") `);
    await queryRunner.query(`CREATE TYPE "public"."evidence_kind" AS ENUM('screenshot', 'post_capture', 'document', 'statement', 'monitoring_extract')`);
    await queryRunner.query(`CREATE TYPE "public"."sensitivity" AS ENUM('personal', 'special_category')`);
    await queryRunner.query(
      `CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."evidence_kind" NOT NULL, "description" text NOT NULL, "source" text NOT NULL, "captured_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "sensitivity" "public"."sensitivity" NOT NULL DEFAULT 'personal', "sha256" character(64) NOT NULL, "size" bigint NOT NULL, "media_type" text NOT NULL, "declared_media_type" text, "original_filename" text NOT NULL, "redacts_evidence_id" uuid, "monitoring_authorisation_id" uuid, CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c5634a775d5b27317434a8c635" ON "evidence"  ("sha256") `);
    await queryRunner.query(`CREATE INDEX "IDX_952849a83280da1e3da6318a7a" ON "evidence"  ("case_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."custody_action" AS ENUM('collected', 'viewed', 'downloaded', 'handed_over', 'integrity_failed')`);
    await queryRunner.query(
      `CREATE TABLE "evidence_custody_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "evidence_id" uuid NOT NULL, "action" "public"."custody_action" NOT NULL, "actor_role" text, "note" text, CONSTRAINT "PK_6fbb0ede63c498ceebbe5fde7c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_91bb1f615da2484b2890510ec3" ON "evidence_custody_events"  ("evidence_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "cases" ADD "investigation_summary" text`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "report_submitted_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "report_submitted_by_user_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_30228b354ff3066a7f735efbf1d" FOREIGN KEY ("report_submitted_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_assignments" ADD CONSTRAINT "FK_28b53e2ffd3bce482502c5e33a3" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_assignments" ADD CONSTRAINT "FK_64f235d410e2ee29ee64a171a2f" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_assignments" ADD CONSTRAINT "FK_228de75729879be9bfefcbcefaa" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_assignments" ADD CONSTRAINT "FK_5fbc41b1af8eb173246459508f9" FOREIGN KEY ("investigator_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "allegations" ADD CONSTRAINT "FK_1aa5467794f335c121dddcae115" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "allegations" ADD CONSTRAINT "FK_ff33b07451481c0773a91d7c694" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "allegations" ADD CONSTRAINT "FK_b8c623ad46fc0036c12eb881c6e" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "facts" ADD CONSTRAINT "FK_5de261adc2d7291760b2bff05ce" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "facts" ADD CONSTRAINT "FK_1c9d99fa7bc55e9ec20e025c5d2" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "facts" ADD CONSTRAINT "FK_b5d4b776064effee218ac19848c" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interviews" ADD CONSTRAINT "FK_639e493395b503042eb109a3257" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interviews" ADD CONSTRAINT "FK_7136890fbf2cdec38ce2fe4196d" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interviews" ADD CONSTRAINT "FK_374462f32887bd6d0ade17dd05a" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interviews" ADD CONSTRAINT "FK_96acfdbb19fed1ce18e7293a5f5" FOREIGN KEY ("staff_id") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_notifications" ADD CONSTRAINT "FK_745b6e7e06d9e1834bb09149d23" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_notifications" ADD CONSTRAINT "FK_1e9cec546765a4e185dad671af8" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_notifications" ADD CONSTRAINT "FK_7b74f1081821682b320cd7b9338" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_responses" ADD CONSTRAINT "FK_d5284d598e003d5ebb52fd60689" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_responses" ADD CONSTRAINT "FK_5ecb36a79cc16eec674a50fcf65" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_responses" ADD CONSTRAINT "FK_cad5d4fb587d8074b85ee5bf142" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_77ccec326efa9443dd330c099c4" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_8e209523267bb0bce6a16677cd3" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_76708943aac8f60d335198315b0" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_f0c4be5677e23d092a287b86787" FOREIGN KEY ("redacts_evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_custody_events" ADD CONSTRAINT "FK_3dec1acdb2dd23bb08a1d58415a" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_custody_events" ADD CONSTRAINT "FK_d6c7152952954796267b5ff1bb7" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_custody_events" ADD CONSTRAINT "FK_e99ed984f64772c44a4fd91120c" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_custody_events" ADD CONSTRAINT "FK_72ec3f8ed749d3f211b0e74fd3a" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_custody_events" DROP CONSTRAINT "FK_72ec3f8ed749d3f211b0e74fd3a"`);
    await queryRunner.query(`ALTER TABLE "evidence_custody_events" DROP CONSTRAINT "FK_e99ed984f64772c44a4fd91120c"`);
    await queryRunner.query(`ALTER TABLE "evidence_custody_events" DROP CONSTRAINT "FK_d6c7152952954796267b5ff1bb7"`);
    await queryRunner.query(`ALTER TABLE "evidence_custody_events" DROP CONSTRAINT "FK_3dec1acdb2dd23bb08a1d58415a"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_f0c4be5677e23d092a287b86787"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_76708943aac8f60d335198315b0"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_8e209523267bb0bce6a16677cd3"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_77ccec326efa9443dd330c099c4"`);
    await queryRunner.query(`ALTER TABLE "subject_responses" DROP CONSTRAINT "FK_cad5d4fb587d8074b85ee5bf142"`);
    await queryRunner.query(`ALTER TABLE "subject_responses" DROP CONSTRAINT "FK_5ecb36a79cc16eec674a50fcf65"`);
    await queryRunner.query(`ALTER TABLE "subject_responses" DROP CONSTRAINT "FK_d5284d598e003d5ebb52fd60689"`);
    await queryRunner.query(`ALTER TABLE "subject_notifications" DROP CONSTRAINT "FK_7b74f1081821682b320cd7b9338"`);
    await queryRunner.query(`ALTER TABLE "subject_notifications" DROP CONSTRAINT "FK_1e9cec546765a4e185dad671af8"`);
    await queryRunner.query(`ALTER TABLE "subject_notifications" DROP CONSTRAINT "FK_745b6e7e06d9e1834bb09149d23"`);
    await queryRunner.query(`ALTER TABLE "interviews" DROP CONSTRAINT "FK_96acfdbb19fed1ce18e7293a5f5"`);
    await queryRunner.query(`ALTER TABLE "interviews" DROP CONSTRAINT "FK_374462f32887bd6d0ade17dd05a"`);
    await queryRunner.query(`ALTER TABLE "interviews" DROP CONSTRAINT "FK_7136890fbf2cdec38ce2fe4196d"`);
    await queryRunner.query(`ALTER TABLE "interviews" DROP CONSTRAINT "FK_639e493395b503042eb109a3257"`);
    await queryRunner.query(`ALTER TABLE "facts" DROP CONSTRAINT "FK_b5d4b776064effee218ac19848c"`);
    await queryRunner.query(`ALTER TABLE "facts" DROP CONSTRAINT "FK_1c9d99fa7bc55e9ec20e025c5d2"`);
    await queryRunner.query(`ALTER TABLE "facts" DROP CONSTRAINT "FK_5de261adc2d7291760b2bff05ce"`);
    await queryRunner.query(`ALTER TABLE "allegations" DROP CONSTRAINT "FK_b8c623ad46fc0036c12eb881c6e"`);
    await queryRunner.query(`ALTER TABLE "allegations" DROP CONSTRAINT "FK_ff33b07451481c0773a91d7c694"`);
    await queryRunner.query(`ALTER TABLE "allegations" DROP CONSTRAINT "FK_1aa5467794f335c121dddcae115"`);
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP CONSTRAINT "FK_5fbc41b1af8eb173246459508f9"`);
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP CONSTRAINT "FK_228de75729879be9bfefcbcefaa"`);
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP CONSTRAINT "FK_64f235d410e2ee29ee64a171a2f"`);
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP CONSTRAINT "FK_28b53e2ffd3bce482502c5e33a3"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_30228b354ff3066a7f735efbf1d"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "report_submitted_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "report_submitted_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "investigation_summary"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91bb1f615da2484b2890510ec3"`);
    await queryRunner.query(`DROP TABLE "evidence_custody_events"`);
    await queryRunner.query(`DROP TYPE "public"."custody_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_952849a83280da1e3da6318a7a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c5634a775d5b27317434a8c635"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP TYPE "public"."sensitivity"`);
    await queryRunner.query(`DROP TYPE "public"."evidence_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_090a2ccf91aca42bfff3d6a923"`);
    await queryRunner.query(`DROP TABLE "subject_responses"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bce0f6474d3770d4af90b6dc56"`);
    await queryRunner.query(`DROP TABLE "subject_notifications"`);
    await queryRunner.query(`DROP TYPE "public"."notice_method"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba12cf77e8795bce026c5101a1"`);
    await queryRunner.query(`DROP TABLE "interviews"`);
    await queryRunner.query(`DROP TYPE "public"."interview_capacity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6734b1b1f9e18b90e808a7cabf"`);
    await queryRunner.query(`DROP TABLE "facts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8fa0d540e2dd126c5d3bbd1285"`);
    await queryRunner.query(`DROP TABLE "allegations"`);
    await queryRunner.query(`DROP TYPE "public"."finding"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e3ac12f0c6145eb9ecf9c8ce63"`);
    await queryRunner.query(`DROP TABLE "case_assignments"`);
  }
}
