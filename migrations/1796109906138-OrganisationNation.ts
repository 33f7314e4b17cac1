import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationNation1796109906138 implements MigrationInterface {
  name = 'OrganisationNation1796109906138';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."nation" AS ENUM('england_and_wales', 'scotland', 'northern_ireland')`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "nation" "public"."nation" NOT NULL DEFAULT 'england_and_wales'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "nation"`);
    await queryRunner.query(`DROP TYPE "public"."nation"`);
  }
}
