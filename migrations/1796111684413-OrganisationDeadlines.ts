import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationDeadlines1796111684413 implements MigrationInterface {
  name = 'OrganisationDeadlines1796111684413';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" ADD "deadlines" jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "deadlines"`);
  }
}
