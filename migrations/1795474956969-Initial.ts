import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795474956969 implements MigrationInterface {
  name = 'Initial1795474956969';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."role" AS ENUM('admin', 'deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr')`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "roles" "public"."role" array NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users"  ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_f73ad6996f7eb0633956303911" ON "users"  ("organisation_id", "created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "staff_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" text NOT NULL, "email" text, "job_title" text, "user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_86ea994e4bca6a3c12084218ef" UNIQUE ("user_id"), CONSTRAINT "PK_cdad75efe024402db5d51140960" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ffc782f44948ea290d3982b215" ON "staff_members"  ("organisation_id", "created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "login_attempts" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "ip" text NOT NULL, "succeeded" boolean NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_070e613c8f768b1a70742705c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_72d7dc675e9e3ad4c326acf076" ON "login_attempts"  ("email", "ip", "succeeded", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_729b63983784e123ea81c48cd2" ON "login_attempts"  ("ip", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_512d984cd8c46275eba9b54ce2" ON "login_attempts"  ("email", "at") `);
    await queryRunner.query(`CREATE TYPE "public"."case_status" AS ENUM('reported', 'investigation', 'awaiting_decision', 'decided', 'appeal', 'closed')`);
    await queryRunner.query(`CREATE TYPE "public"."triage_decision" AS ENUM('no_further_action', 'informal_resolution', 'investigate')`);
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "reference" text NOT NULL, "status" "public"."case_status" NOT NULL, "safeguarding" boolean NOT NULL, "triage_decision" "public"."triage_decision", "triage_rationale" text, "triaged_at" TIMESTAMP(3) WITH TIME ZONE, "triaged_by_user_id" uuid, "investigator_user_id" uuid, "closed_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f451d18f337449d7db6ab375cf" ON "cases"  ("investigator_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2549fbf41431ac2ab1af7f717f" ON "cases"  ("organisation_id", "status", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7feedc5ba394f880763c7aff49" ON "cases"  ("organisation_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e37d21509285dc43be99d97234" ON "cases"  ("organisation_id", "reference") `);
    await queryRunner.query(`CREATE TYPE "public"."party_capacity" AS ENUM('subject', 'reporter', 'witness')`);
    await queryRunner.query(
      `CREATE TABLE "case_parties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "capacity" "public"."party_capacity" NOT NULL, "staff_id" uuid, "name" text, "relationship" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06bc2ff7e3027f10692a04bd22b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_528a1317674ed7feac57804bc9" ON "case_parties"  ("staff_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_81b5c8be93b113eb1f54fed87a" ON "case_parties"  ("case_id", "capacity") `);
    await queryRunner.query(
      `CREATE TABLE "case_reference_counters" ("organisation_id" uuid NOT NULL, "year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_f8c782e17ca1bca99e49c83624e" PRIMARY KEY ("organisation_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."platform" AS ENUM('twitter', 'facebook', 'linkedin', 'youtube', 'flickr', 'instagram', 'whatsapp', 'snapchat', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."misuse_category" AS ENUM('disrepute', 'confidentiality', 'copyright', 'discrimination_bullying_harassment', 'images_of_school_or_pupils')`,
    );
    await queryRunner.query(
      `CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "platform" "public"."platform" NOT NULL, "platform_other" text, "observed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "description" text NOT NULL, "url" text, "category" "public"."misuse_category" NOT NULL, "policy_standards" text array NOT NULL, "involves_pupils" boolean NOT NULL, "may_meet_harm_threshold" boolean NOT NULL DEFAULT false, "logged_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a682c128870ee570acccda5abe" ON "reports"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "safeguarding_referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "referred_to" text NOT NULL, "referred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "notes" text, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0ab2322fb419f17a9c6c814a9c6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a898cbb6df42fe720d4b51ee57" ON "safeguarding_referrals"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("organisation_id" uuid NOT NULL, "seq" bigint NOT NULL, "id" uuid NOT NULL, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "actor_role" text, "action" text NOT NULL, "case_id" uuid, "entity_type" text, "entity_id" uuid, "reason" text, "payload" jsonb, "payload_digest" character(64) NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_175d4116a68784af4758d2d5f73" PRIMARY KEY ("organisation_id", "seq"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_910f64d901a5c3e9878f0d4a40" ON "audit_events"  ("id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8d0f2d16fa21bf66b681337265" ON "audit_events"  ("organisation_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_17d49eef167f213c0354811a10" ON "audit_events"  ("organisation_id", "actor_user_id", "seq") `);
    await queryRunner.query(`CREATE INDEX "IDX_2aecd150dc0ca3e3b5240b8bc7" ON "audit_events"  ("organisation_id", "case_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "audit_chain_heads" ("organisation_id" uuid NOT NULL, "last_seq" bigint NOT NULL, "last_hash" character(64) NOT NULL, CONSTRAINT "PK_0b9232a699b28b8d2683e3c02ae" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_members" ADD CONSTRAINT "FK_d0975bb69eb8bdc78821cfb2513" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_members" ADD CONSTRAINT "FK_86ea994e4bca6a3c12084218ef8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_7637dde4a13e5c3c858309f2bef" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_4ca40de6a18775ab51eae2c7bcf" FOREIGN KEY ("triaged_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_f451d18f337449d7db6ab375cfc" FOREIGN KEY ("investigator_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_parties" ADD CONSTRAINT "FK_df58856ed60f702433451bd0a4d" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_parties" ADD CONSTRAINT "FK_1d74697ed0b9ad0fccd160d273a" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_parties" ADD CONSTRAINT "FK_528a1317674ed7feac57804bc91" FOREIGN KEY ("staff_id") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_reference_counters" ADD CONSTRAINT "FK_c84089cf81c7277d8aac6d0be5b" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_f3c095b3d896fdf3b3133d4fa66" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_a682c128870ee570acccda5abef" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_2ae609b2a3ef857d8b078ac9d6a" FOREIGN KEY ("logged_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "safeguarding_referrals" ADD CONSTRAINT "FK_479502993ba515237b752365adf" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "safeguarding_referrals" ADD CONSTRAINT "FK_a898cbb6df42fe720d4b51ee57e" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "safeguarding_referrals" ADD CONSTRAINT "FK_3b69087f805c5232a9c44a29c21" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "FK_91d46044e4c934c1b5f1ea229d1" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_chain_heads" ADD CONSTRAINT "FK_0b9232a699b28b8d2683e3c02ae" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_chain_heads" DROP CONSTRAINT "FK_0b9232a699b28b8d2683e3c02ae"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "FK_91d46044e4c934c1b5f1ea229d1"`);
    await queryRunner.query(`ALTER TABLE "safeguarding_referrals" DROP CONSTRAINT "FK_3b69087f805c5232a9c44a29c21"`);
    await queryRunner.query(`ALTER TABLE "safeguarding_referrals" DROP CONSTRAINT "FK_a898cbb6df42fe720d4b51ee57e"`);
    await queryRunner.query(`ALTER TABLE "safeguarding_referrals" DROP CONSTRAINT "FK_479502993ba515237b752365adf"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "FK_2ae609b2a3ef857d8b078ac9d6a"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "FK_a682c128870ee570acccda5abef"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "FK_f3c095b3d896fdf3b3133d4fa66"`);
    await queryRunner.query(`ALTER TABLE "case_reference_counters" DROP CONSTRAINT "FK_c84089cf81c7277d8aac6d0be5b"`);
    await queryRunner.query(`ALTER TABLE "case_parties" DROP CONSTRAINT "FK_528a1317674ed7feac57804bc91"`);
    await queryRunner.query(`ALTER TABLE "case_parties" DROP CONSTRAINT "FK_1d74697ed0b9ad0fccd160d273a"`);
    await queryRunner.query(`ALTER TABLE "case_parties" DROP CONSTRAINT "FK_df58856ed60f702433451bd0a4d"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_f451d18f337449d7db6ab375cfc"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_4ca40de6a18775ab51eae2c7bcf"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_7637dde4a13e5c3c858309f2bef"`);
    await queryRunner.query(`ALTER TABLE "staff_members" DROP CONSTRAINT "FK_86ea994e4bca6a3c12084218ef8"`);
    await queryRunner.query(`ALTER TABLE "staff_members" DROP CONSTRAINT "FK_d0975bb69eb8bdc78821cfb2513"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577"`);
    await queryRunner.query(`DROP TABLE "audit_chain_heads"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2aecd150dc0ca3e3b5240b8bc7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_17d49eef167f213c0354811a10"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d0f2d16fa21bf66b681337265"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_910f64d901a5c3e9878f0d4a40"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a898cbb6df42fe720d4b51ee57"`);
    await queryRunner.query(`DROP TABLE "safeguarding_referrals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a682c128870ee570acccda5abe"`);
    await queryRunner.query(`DROP TABLE "reports"`);
    await queryRunner.query(`DROP TYPE "public"."misuse_category"`);
    await queryRunner.query(`DROP TYPE "public"."platform"`);
    await queryRunner.query(`DROP TABLE "case_reference_counters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_81b5c8be93b113eb1f54fed87a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_528a1317674ed7feac57804bc9"`);
    await queryRunner.query(`DROP TABLE "case_parties"`);
    await queryRunner.query(`DROP TYPE "public"."party_capacity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e37d21509285dc43be99d97234"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7feedc5ba394f880763c7aff49"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2549fbf41431ac2ab1af7f717f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f451d18f337449d7db6ab375cf"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP TYPE "public"."triage_decision"`);
    await queryRunner.query(`DROP TYPE "public"."case_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_512d984cd8c46275eba9b54ce2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_729b63983784e123ea81c48cd2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_72d7dc675e9e3ad4c326acf076"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ffc782f44948ea290d3982b215"`);
    await queryRunner.query(`DROP TABLE "staff_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f73ad6996f7eb0633956303911"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
  }
}
