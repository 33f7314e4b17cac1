import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role in which a grievance was heard, recorded with its decision (as outcomes and
 * monitoring decisions record theirs). Grievances decided before this column existed take the
 * decider's first role that may hear one, as their account reads now: the best there is.
 */
export class GrievanceDecidedByRole1796190000000 implements MigrationInterface {
  name = 'GrievanceDecidedByRole1796190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grievances" ADD "decided_by_role" text`);
    await queryRunner.query(
      `UPDATE grievances g SET decided_by_role = (SELECT x.r FROM users u, unnest(u.roles::text[]) WITH ORDINALITY AS x(r, n)
         WHERE u.id = g.decided_by_user_id AND x.r IN ('headteacher', 'governor') ORDER BY x.n LIMIT 1)
       WHERE g.decided_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grievances" DROP COLUMN "decided_by_role"`);
  }
}
