import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignIn1796120283215 implements MigrationInterface {
  name = 'SignIn1796120283215';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text, "password_change_required" boolean NOT NULL DEFAULT false, "password_changed_at" TIMESTAMP(3) WITH TIME ZONE, "totp_secret" text, "totp_enrolled_at" TIMESTAMP(3) WITH TIME ZONE, "totp_last_step" bigint, "confined_to_organisation_id" uuid, "confined_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ee66de6cdc53993296d1ceb8aa0" UNIQUE ("email"), CONSTRAINT "UQ_2c30eaf07c95d4bd2bfbef40549" UNIQUE ("id", "email"), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0723b9e53961e799027d7f7ba32" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a5c445e7b7eb990c5c7472ea88" ON "recovery_codes"  ("account_id") `);
    await queryRunner.query(
      `CREATE TABLE "sign_in_settings" ("organisation_id" uuid NOT NULL, "password_sign_in" boolean NOT NULL DEFAULT true, "second_factor_roles" "public"."role" array, "accept_provider_mfa" boolean NOT NULL DEFAULT false, "sso_issuer" text, "sso_client_id" text, "sso_client_secret" text, "sso_allowed_domains" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8b271aff3040e2df4852cf09563" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sso_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "issuer" text NOT NULL, "subject" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a8d11d478e6dc2743d407a7456a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3a1ca158a115fb5ee3d37ef8cb" ON "sso_identities"  ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_70cb9b1dfeca42be78d7cfdf0d" ON "sso_identities"  ("issuer", "subject") `);
    await queryRunner.query(
      `CREATE TABLE "sso_requests" ("state_hash" bytea NOT NULL, "organisation_id" uuid NOT NULL, "nonce" text NOT NULL, "code_verifier" text NOT NULL, "browser_hash" bytea NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_935200bb8689cfd985112beaa2f" PRIMARY KEY ("state_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_613cfc1f5cfea2eee3c45087e9" ON "sso_requests"  ("expires_at") `);
    // process.md §7: every account of today becomes one person's account with one membership (e-mails were
    // unique per deployment, so one account per user row; the account takes the user's id, nobody is lost).
    await queryRunner.query(
      `INSERT INTO "accounts" ("id", "email", "password_hash", "password_change_required", "password_changed_at", "created_at", "updated_at")
       SELECT "id", "email", "password_hash", "password_change_required", "password_changed_at", "created_at", "updated_at" FROM "users"`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "account_id" uuid`);
    await queryRunner.query(`UPDATE "users" SET "account_id" = "id"`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "account_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_hash"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_change_required"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_changed_at"`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "sso_issuer" text`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "second_factor_required" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "second_factor_method" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cf023cf528d8107c1d33fc258d" ON "users"  ("organisation_id", "email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_37ca63d57e4314ad5d5aaf3d55" ON "users"  ("organisation_id", "account_id") `);
    await queryRunner.query(
      `ALTER TABLE "accounts" ADD CONSTRAINT "FK_5046035c1d864b2505355cd405d" FOREIGN KEY ("confined_to_organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_a6132610e59f1890e60780d660d" FOREIGN KEY ("account_id", "email") REFERENCES "accounts"("id","email") ON DELETE RESTRICT ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_codes" ADD CONSTRAINT "FK_a5c445e7b7eb990c5c7472ea88b" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_in_settings" ADD CONSTRAINT "FK_8b271aff3040e2df4852cf09563" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sso_identities" ADD CONSTRAINT "FK_3a1ca158a115fb5ee3d37ef8cbf" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sso_identities" ADD CONSTRAINT "FK_68ce2902ddfd36df58e06ed28ed" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sso_requests" ADD CONSTRAINT "FK_f595711e5d9da2d87eae8a34cb5" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sso_requests" DROP CONSTRAINT "FK_f595711e5d9da2d87eae8a34cb5"`);
    await queryRunner.query(`ALTER TABLE "sso_identities" DROP CONSTRAINT "FK_68ce2902ddfd36df58e06ed28ed"`);
    await queryRunner.query(`ALTER TABLE "sso_identities" DROP CONSTRAINT "FK_3a1ca158a115fb5ee3d37ef8cbf"`);
    await queryRunner.query(`ALTER TABLE "sign_in_settings" DROP CONSTRAINT "FK_8b271aff3040e2df4852cf09563"`);
    await queryRunner.query(`ALTER TABLE "recovery_codes" DROP CONSTRAINT "FK_a5c445e7b7eb990c5c7472ea88b"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_a6132610e59f1890e60780d660d"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "FK_5046035c1d864b2505355cd405d"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "second_factor_method"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "second_factor_required"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "sso_issuer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_37ca63d57e4314ad5d5aaf3d55"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cf023cf528d8107c1d33fc258d"`);
    await queryRunner.query(`ALTER TABLE "users" ADD "password_changed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "password_change_required" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "password_hash" text`);
    // Back to one organisation an account: refused (unique e-mail index below) once a person has two memberships.
    await queryRunner.query(
      `UPDATE "users" u SET "password_hash" = COALESCE(a."password_hash", '!'), "password_change_required" = a."password_change_required",
         "password_changed_at" = a."password_changed_at" FROM "accounts" a WHERE a."id" = u."account_id"`,
    );
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "account_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_613cfc1f5cfea2eee3c45087e9"`);
    await queryRunner.query(`DROP TABLE "sso_requests"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_70cb9b1dfeca42be78d7cfdf0d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3a1ca158a115fb5ee3d37ef8cb"`);
    await queryRunner.query(`DROP TABLE "sso_identities"`);
    await queryRunner.query(`DROP TABLE "sign_in_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a5c445e7b7eb990c5c7472ea88"`);
    await queryRunner.query(`DROP TABLE "recovery_codes"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" USING btree ("email") `);
  }
}
