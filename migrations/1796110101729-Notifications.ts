import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796110101729 implements MigrationInterface {
  name = 'Notifications1796110101729';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."notification_event" AS ENUM('waiting', 'overdue', 'expiring')`);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "user_id" uuid NOT NULL, "event" "public"."notification_event" NOT NULL, "kind" text NOT NULL, "reference" text NOT NULL, "what" text NOT NULL, "due_at" TIMESTAMP(3) WITH TIME ZONE, "key" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dc31b33b2a539bc9e96d9b28b3" ON "notifications"  ("user_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3d5a166f0edf005c7d1253febb" ON "notifications"  ("user_id", "key") `);
    await queryRunner.query(`CREATE TYPE "public"."email_preference" AS ENUM('immediate', 'digest', 'both')`);
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "email" "public"."email_preference" NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."email_delivery_status" AS ENUM('pending', 'sending', 'sent', 'failed')`);
    await queryRunner.query(
      `CREATE TABLE "email_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "key" text NOT NULL, "recipient" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "status" "public"."email_delivery_status" NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa4e94683dafee7c55aaeb9f59d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7b3d8a54de34c032db92821863" ON "email_deliveries"  ("organisation_id", "status", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d1ebbdcf4ca7eac77efbdc56fe" ON "email_deliveries"  ("status", "next_attempt_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f75a0533d72d0b3454cac14fc8" ON "email_deliveries"  ("key") `);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_c075d9ce655d67bbec46ff5631a" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_63e5f2b81ae561b30d23c1ab6e6" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_64c90edc7310c6be7c10c96f675" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_deliveries" ADD CONSTRAINT "FK_ecf10deae661bcd32e3e4b87ebb" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_deliveries" ADD CONSTRAINT "FK_79e669814822b882b3766a71543" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_deliveries" DROP CONSTRAINT "FK_79e669814822b882b3766a71543"`);
    await queryRunner.query(`ALTER TABLE "email_deliveries" DROP CONSTRAINT "FK_ecf10deae661bcd32e3e4b87ebb"`);
    await queryRunner.query(`ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_64c90edc7310c6be7c10c96f675"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_63e5f2b81ae561b30d23c1ab6e6"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_c075d9ce655d67bbec46ff5631a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f75a0533d72d0b3454cac14fc8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d1ebbdcf4ca7eac77efbdc56fe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7b3d8a54de34c032db92821863"`);
    await queryRunner.query(`DROP TABLE "email_deliveries"`);
    await queryRunner.query(`DROP TYPE "public"."email_delivery_status"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP TYPE "public"."email_preference"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3d5a166f0edf005c7d1253febb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dc31b33b2a539bc9e96d9b28b3"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TYPE "public"."notification_event"`);
  }
}
