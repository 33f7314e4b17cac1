import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters (process.md §2): the organisation's letterhead (address, signatory), its own wording
 * of each kind of letter, and each case's letters — generated when, sent when and how.
 */
export class Letters1796086885432 implements MigrationInterface {
  name = 'Letters1796086885432';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."letter_sent_method" AS ENUM('email', 'post', 'hand')`);
    await queryRunner.query(
      `CREATE TABLE "letters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" text NOT NULL, "record_id" uuid NOT NULL, "subject_staff_id" uuid NOT NULL, "first_generated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_generated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_generated_by_user_id" uuid NOT NULL, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "sent_method" "public"."letter_sent_method", "sent_recorded_by_user_id" uuid, CONSTRAINT "PK_bf70c41d26aa84cf2651d571889" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_09128291c8abe57a506d5130b4" ON "letters"  ("case_id", "kind", "record_id", "subject_staff_id") `);
    await queryRunner.query(
      `CREATE TABLE "letter_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" text NOT NULL, "body" text NOT NULL, "updated_by_user_id" uuid NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d649190668fdfcddc29294ab22f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ddd7be9893beddc30d687098b5" ON "letter_templates"  ("organisation_id", "kind") `);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "address" text`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "signatory_name" text`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "signatory_title" text`);
    await queryRunner.query(
      `ALTER TABLE "letters" ADD CONSTRAINT "FK_c4efcd5b1176f4c858d67690dcd" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "letters" ADD CONSTRAINT "FK_6d8822148277ae7dcafc0f4e11c" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "letter_templates" ADD CONSTRAINT "FK_1002029b479e14fc78e0d1ef1b2" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "letter_templates" DROP CONSTRAINT "FK_1002029b479e14fc78e0d1ef1b2"`);
    await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "FK_6d8822148277ae7dcafc0f4e11c"`);
    await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "FK_c4efcd5b1176f4c858d67690dcd"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "signatory_title"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "signatory_name"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "address"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ddd7be9893beddc30d687098b5"`);
    await queryRunner.query(`DROP TABLE "letter_templates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_09128291c8abe57a506d5130b4"`);
    await queryRunner.query(`DROP TABLE "letters"`);
    await queryRunner.query(`DROP TYPE "public"."letter_sent_method"`);
  }
}
