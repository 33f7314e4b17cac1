import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions and passwords (api.md "Sessions and passwords", docs/sessions.md): a session per
 * sign-in with its rotating refresh token stored hashed; a user's "must change password" flag
 * (set by an admin's reset) and when the password last changed. Existing access tokens name no
 * session and stop working: everyone signs in again once.
 */
export class Sessions1796075345432 implements MigrationInterface {
  name = 'Sessions1796075345432';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "sign_in_method" text NOT NULL, "second_factor_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "access_not_before" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "user_agent" text, "ip" text, "refresh_token_hash" bytea NOT NULL, "previous_token_hashes" bytea array NOT NULL DEFAULT '{}', "rotations" integer NOT NULL DEFAULT '0', "revoked_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c6ed9271cf49a31e9f067d3a46" ON "sessions"  ("user_id", "created_at", "id") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "password_change_required" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "password_changed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_3cd6ded154fa511ecd6651ccc40" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_3cd6ded154fa511ecd6651ccc40"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_changed_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_change_required"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c6ed9271cf49a31e9f067d3a46"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
  }
}
