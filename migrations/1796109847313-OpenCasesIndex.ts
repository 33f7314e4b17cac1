import { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenCasesIndex1796109847313 implements MigrationInterface {
  name = 'OpenCasesIndex1796109847313';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_6a42ccd641cbbcd6878924d657" ON "cases"  ("organisation_id", "created_at", "id") WHERE "status" <> 'closed'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_6a42ccd641cbbcd6878924d657"`);
  }
}
