import { MigrationInterface, QueryRunner } from 'typeorm';

export class Grievances1796097312448 implements MigrationInterface {
  name = 'Grievances1796097312448';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."grievance_outcome" AS ENUM('upheld', 'partly_upheld', 'not_upheld')`);
    await queryRunner.query(
      `CREATE TABLE "grievances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "subject_staff_id" uuid NOT NULL, "lodged_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "summary" text NOT NULL, "related_to_process" boolean NOT NULL, "outcome" "public"."grievance_outcome", "reasons" text, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "decided_by_user_id" uuid, CONSTRAINT "PK_e272c5b9f7d097e8a00fa80fd1b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_662814667b6c54affa80b350a1" ON "grievances"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "process_pauses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "grievance_id" uuid NOT NULL, "reason" text, "resumed_at" TIMESTAMP(3) WITH TIME ZONE, "resumed_by_user_id" uuid, CONSTRAINT "PK_84ae28e61e5efbca78b880287b1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d27157b86dc3be2a5654de042f" ON "process_pauses"  ("case_id") WHERE "resumed_at" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "grievances" ADD CONSTRAINT "FK_6aa048acd9eb9862ff0b45021d9" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grievances" ADD CONSTRAINT "FK_662814667b6c54affa80b350a16" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grievances" ADD CONSTRAINT "FK_d88227bf2a560abedf7efeecd4d" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grievances" ADD CONSTRAINT "FK_8e2d94f57422ab0f8511c9fb027" FOREIGN KEY ("subject_staff_id") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grievances" ADD CONSTRAINT "FK_2e87697004b7284b4fe016d9880" FOREIGN KEY ("decided_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "process_pauses" ADD CONSTRAINT "FK_6245751a367f4fb4643067cb4bc" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "process_pauses" ADD CONSTRAINT "FK_57ed4cc0f5532b6ce8e926e4735" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "process_pauses" ADD CONSTRAINT "FK_6be63f62d9c7803b5e2954c5ca0" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "process_pauses" ADD CONSTRAINT "FK_5aa95ba7ae837e76077728ad36f" FOREIGN KEY ("grievance_id") REFERENCES "grievances"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "process_pauses" ADD CONSTRAINT "FK_d073ea3d4e609e1bb3fec887d99" FOREIGN KEY ("resumed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "process_pauses" DROP CONSTRAINT "FK_d073ea3d4e609e1bb3fec887d99"`);
    await queryRunner.query(`ALTER TABLE "process_pauses" DROP CONSTRAINT "FK_5aa95ba7ae837e76077728ad36f"`);
    await queryRunner.query(`ALTER TABLE "process_pauses" DROP CONSTRAINT "FK_6be63f62d9c7803b5e2954c5ca0"`);
    await queryRunner.query(`ALTER TABLE "process_pauses" DROP CONSTRAINT "FK_57ed4cc0f5532b6ce8e926e4735"`);
    await queryRunner.query(`ALTER TABLE "process_pauses" DROP CONSTRAINT "FK_6245751a367f4fb4643067cb4bc"`);
    await queryRunner.query(`ALTER TABLE "grievances" DROP CONSTRAINT "FK_2e87697004b7284b4fe016d9880"`);
    await queryRunner.query(`ALTER TABLE "grievances" DROP CONSTRAINT "FK_8e2d94f57422ab0f8511c9fb027"`);
    await queryRunner.query(`ALTER TABLE "grievances" DROP CONSTRAINT "FK_d88227bf2a560abedf7efeecd4d"`);
    await queryRunner.query(`ALTER TABLE "grievances" DROP CONSTRAINT "FK_662814667b6c54affa80b350a16"`);
    await queryRunner.query(`ALTER TABLE "grievances" DROP CONSTRAINT "FK_6aa048acd9eb9862ff0b45021d9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d27157b86dc3be2a5654de042f"`);
    await queryRunner.query(`DROP TABLE "process_pauses"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_662814667b6c54affa80b350a1"`);
    await queryRunner.query(`DROP TABLE "grievances"`);
    await queryRunner.query(`DROP TYPE "public"."grievance_outcome"`);
  }
}
