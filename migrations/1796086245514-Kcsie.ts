import { MigrationInterface, QueryRunner } from 'typeorm';

export class Kcsie1796086245514 implements MigrationInterface {
  name = 'Kcsie1796086245514';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "lado_consultations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "consulted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "lado_name" text NOT NULL, "advice" text NOT NULL, "threshold_met" boolean NOT NULL, "case_manager_user_id" uuid NOT NULL, CONSTRAINT "PK_aad77e9e884f12f760e100480ba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6f53cd12d02a2d245d67ba6163" ON "lado_consultations"  ("case_id") `);
    await queryRunner.query(`CREATE TYPE "public"."barring_body" AS ENUM('dbs', 'tra')`);
    await queryRunner.query(
      `CREATE TABLE "referral_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "body" "public"."barring_body" NOT NULL, "referred" boolean NOT NULL, "referred_at" TIMESTAMP(3) WITH TIME ZONE, "reason_not_referred" text, CONSTRAINT "PK_60cc606548ce761da01abdd19b8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6ee9d73abd9898c8b9613e7c25" ON "referral_decisions"  ("case_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "staff_members" ADD "teacher" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TYPE "public"."finding" ADD VALUE 'malicious'`);
    await queryRunner.query(`ALTER TYPE "public"."finding" ADD VALUE 'false'`);
    await queryRunner.query(`ALTER TYPE "public"."finding" ADD VALUE 'unsubstantiated'`);
    await queryRunner.query(`ALTER TYPE "public"."finding" ADD VALUE 'unfounded'`);
    await queryRunner.query(
      `ALTER TABLE "lado_consultations" ADD CONSTRAINT "FK_89e0e39f45a4ed672eb4be207c3" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lado_consultations" ADD CONSTRAINT "FK_6f53cd12d02a2d245d67ba6163c" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lado_consultations" ADD CONSTRAINT "FK_96309bdab504e86ed7fb01062d4" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lado_consultations" ADD CONSTRAINT "FK_23be1271fd883f16bf0af092f19" FOREIGN KEY ("case_manager_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_decisions" ADD CONSTRAINT "FK_7be2add70cd8219f970fbce55ac" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_decisions" ADD CONSTRAINT "FK_1437caf3bff0813aab5ce4b9db4" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_decisions" ADD CONSTRAINT "FK_9d63295c98e85c46f067e8b2d2c" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral_decisions" DROP CONSTRAINT "FK_9d63295c98e85c46f067e8b2d2c"`);
    await queryRunner.query(`ALTER TABLE "referral_decisions" DROP CONSTRAINT "FK_1437caf3bff0813aab5ce4b9db4"`);
    await queryRunner.query(`ALTER TABLE "referral_decisions" DROP CONSTRAINT "FK_7be2add70cd8219f970fbce55ac"`);
    await queryRunner.query(`ALTER TABLE "lado_consultations" DROP CONSTRAINT "FK_23be1271fd883f16bf0af092f19"`);
    await queryRunner.query(`ALTER TABLE "lado_consultations" DROP CONSTRAINT "FK_96309bdab504e86ed7fb01062d4"`);
    await queryRunner.query(`ALTER TABLE "lado_consultations" DROP CONSTRAINT "FK_6f53cd12d02a2d245d67ba6163c"`);
    await queryRunner.query(`ALTER TABLE "lado_consultations" DROP CONSTRAINT "FK_89e0e39f45a4ed672eb4be207c3"`);
    await queryRunner.query(`CREATE TYPE "public"."finding_old" AS ENUM('substantiated', 'not_substantiated', 'inconclusive')`);
    await queryRunner.query(`ALTER TABLE "allegations" ALTER COLUMN "finding" TYPE "public"."finding_old" USING "finding"::"text"::"public"."finding_old"`);
    await queryRunner.query(`DROP TYPE "public"."finding"`);
    await queryRunner.query(`ALTER TYPE "public"."finding_old" RENAME TO "finding"`);
    await queryRunner.query(`ALTER TABLE "staff_members" DROP COLUMN "teacher"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6ee9d73abd9898c8b9613e7c25"`);
    await queryRunner.query(`DROP TABLE "referral_decisions"`);
    await queryRunner.query(`DROP TYPE "public"."barring_body"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6f53cd12d02a2d245d67ba6163"`);
    await queryRunner.query(`DROP TABLE "lado_consultations"`);
  }
}
