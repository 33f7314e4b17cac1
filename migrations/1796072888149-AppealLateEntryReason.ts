import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An appeal entered after its deadline had passed keeps why (domain.md "Dates the API is
 * told": a late entry needs a reason, which is audited).
 */
export class AppealLateEntryReason1796072888149 implements MigrationInterface {
  name = 'AppealLateEntryReason1796072888149';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appeals" ADD "late_entry_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appeals" DROP COLUMN "late_entry_reason"`);
  }
}
