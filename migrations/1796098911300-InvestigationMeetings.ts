import { MigrationInterface, QueryRunner } from 'typeorm';

export class InvestigationMeetings1796098911300 implements MigrationInterface {
  name = 'InvestigationMeetings1796098911300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "investigation_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "staff_id" uuid NOT NULL, "scheduled_for" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "place" text NOT NULL, "purpose" text NOT NULL, "accompanied_allowed" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_470ee6dde03e0b6db84ab672267" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bf26645308c5f68e04c7a92b0e" ON "investigation_meetings"  ("case_id", "scheduled_for") `);
    await queryRunner.query(
      `ALTER TABLE "investigation_meetings" ADD CONSTRAINT "FK_75ce1241b0bd09fe0d1b63e2baf" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "investigation_meetings" ADD CONSTRAINT "FK_83faa6a29b510fbd19107144374" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "investigation_meetings" ADD CONSTRAINT "FK_25c23c3d2be9b41c67c2237805c" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "investigation_meetings" ADD CONSTRAINT "FK_bf1e8d8cfeedcdff9a859afbe4b" FOREIGN KEY ("staff_id") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "investigation_meetings" DROP CONSTRAINT "FK_bf1e8d8cfeedcdff9a859afbe4b"`);
    await queryRunner.query(`ALTER TABLE "investigation_meetings" DROP CONSTRAINT "FK_25c23c3d2be9b41c67c2237805c"`);
    await queryRunner.query(`ALTER TABLE "investigation_meetings" DROP CONSTRAINT "FK_83faa6a29b510fbd19107144374"`);
    await queryRunner.query(`ALTER TABLE "investigation_meetings" DROP CONSTRAINT "FK_75ce1241b0bd09fe0d1b63e2baf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bf26645308c5f68e04c7a92b0e"`);
    await queryRunner.query(`DROP TABLE "investigation_meetings"`);
  }
}
