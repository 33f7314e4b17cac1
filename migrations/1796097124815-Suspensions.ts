import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Precautionary suspension (process.md §1; ACAS Code; KCSIE Part 4): the suspensions of a
 * case's subjects on full pay, and their reviews (continue with a new review date, or end).
 */
export class Suspensions1796097124815 implements MigrationInterface {
  name = 'Suspensions1796097124815';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."suspension_ground" AS ENUM('risk_to_pupils', 'risk_to_evidence', 'risk_to_investigation')`);
    await queryRunner.query(`CREATE TYPE "public"."suspension_end_reason" AS ENUM('review', 'outcome')`);
    await queryRunner.query(
      `CREATE TABLE "suspensions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "subject_staff_id" uuid NOT NULL, "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "grounds" "public"."suspension_ground" array NOT NULL, "reasons" text NOT NULL, "alternatives_considered" text NOT NULL, "review_by" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP(3) WITH TIME ZONE, "end_reason" "public"."suspension_end_reason", "ended_by_user_id" uuid, CONSTRAINT "PK_c3df8984cf2c9a5726c11644474" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b3a5449f059328d7ef3c1c8d7f" ON "suspensions"  ("case_id", "subject_staff_id") `);
    await queryRunner.query(`CREATE TYPE "public"."suspension_review_decision" AS ENUM('continue', 'end')`);
    await queryRunner.query(
      `CREATE TABLE "suspension_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "suspension_id" uuid NOT NULL, "decision" "public"."suspension_review_decision" NOT NULL, "reasons" text NOT NULL, "next_review_by" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_0d3271d442926c1f1de76401e5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e97d2927c1d01cf62a44286117" ON "suspension_reviews"  ("suspension_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "suspensions" ADD CONSTRAINT "FK_ddf70002ff0cb60b8c286ad7fe6" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspensions" ADD CONSTRAINT "FK_b4bced469002dfb049432f91ef3" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspensions" ADD CONSTRAINT "FK_9b7d62c0356212be35f06334797" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspensions" ADD CONSTRAINT "FK_71252116239cb79550cf6ec8b70" FOREIGN KEY ("subject_staff_id") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspensions" ADD CONSTRAINT "FK_a8205e456d088a6729bf8da6131" FOREIGN KEY ("ended_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspension_reviews" ADD CONSTRAINT "FK_fb82b6b33e04d4e993d194d3c16" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspension_reviews" ADD CONSTRAINT "FK_bd5773eea61a8d1e4ea14cad5de" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspension_reviews" ADD CONSTRAINT "FK_0b831dd8694bbab1da7cf7cfce6" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspension_reviews" ADD CONSTRAINT "FK_8524b248036921a8943345601f6" FOREIGN KEY ("suspension_id") REFERENCES "suspensions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suspension_reviews" DROP CONSTRAINT "FK_8524b248036921a8943345601f6"`);
    await queryRunner.query(`ALTER TABLE "suspension_reviews" DROP CONSTRAINT "FK_0b831dd8694bbab1da7cf7cfce6"`);
    await queryRunner.query(`ALTER TABLE "suspension_reviews" DROP CONSTRAINT "FK_bd5773eea61a8d1e4ea14cad5de"`);
    await queryRunner.query(`ALTER TABLE "suspension_reviews" DROP CONSTRAINT "FK_fb82b6b33e04d4e993d194d3c16"`);
    await queryRunner.query(`ALTER TABLE "suspensions" DROP CONSTRAINT "FK_a8205e456d088a6729bf8da6131"`);
    await queryRunner.query(`ALTER TABLE "suspensions" DROP CONSTRAINT "FK_71252116239cb79550cf6ec8b70"`);
    await queryRunner.query(`ALTER TABLE "suspensions" DROP CONSTRAINT "FK_9b7d62c0356212be35f06334797"`);
    await queryRunner.query(`ALTER TABLE "suspensions" DROP CONSTRAINT "FK_b4bced469002dfb049432f91ef3"`);
    await queryRunner.query(`ALTER TABLE "suspensions" DROP CONSTRAINT "FK_ddf70002ff0cb60b8c286ad7fe6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e97d2927c1d01cf62a44286117"`);
    await queryRunner.query(`DROP TABLE "suspension_reviews"`);
    await queryRunner.query(`DROP TYPE "public"."suspension_review_decision"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b3a5449f059328d7ef3c1c8d7f"`);
    await queryRunner.query(`DROP TABLE "suspensions"`);
    await queryRunner.query(`DROP TYPE "public"."suspension_end_reason"`);
    await queryRunner.query(`DROP TYPE "public"."suspension_ground"`);
  }
}
