import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { queryOne, queryRows } from '../database/sql';
import { accountOfMembership, membershipsOfAccount } from './accounts.sql';
import { MembershipList } from './dto/membership.dto';
import { ClientContext, IssuedSession, SessionsService } from './sessions.service';
import { membershipNeedsSecondFactor, switchProblem } from './sign-in.rules';

/**
 * People in several schools (process.md §7): one account, a membership in each school with its own roles; a
 * session acts in one school at a time, and the person may switch. Nothing here tells one school about another:
 * each school's audit log records only its own side of a switch.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** GET /auth/organisations: the schools the caller belongs to (active memberships), the current one marked. */
  async list(actor: Actor): Promise<MembershipList> {
    const rows = await queryRows<{ organisationId: string; organisationName: string; roles: MembershipList['items'][number]['roles'] }>(
      this.dataSource.manager,
      `SELECT u.organisation_id AS "organisationId", o.name AS "organisationName", u.roles::text[] AS roles
       FROM users u JOIN organisations o ON o.id = u.organisation_id
       WHERE u.account_id = (SELECT account_id FROM users WHERE id = $1) AND u.active
       ORDER BY o.name, o.id`,
      [actor.userId],
    );
    return { items: rows.map((r) => ({ ...r, current: r.organisationId === actor.organisationId })) };
  }

  /**
   * POST /auth/organisation: this session ends and one starts in the other school, where the same sign-in would have
   * been accepted (sign-in.rules.ts `switchProblem`); a second factor already passed carries over.
   */
  async switchTo(actor: Actor, organisationId: string, context: ClientContext): Promise<IssuedSession> {
    const current = actor.session!;
    const outcome = await this.dataSource.transaction(async (em) => {
      const account = await accountOfMembership(em, actor.userId);
      const memberships = await membershipsOfAccount(em, account.id);
      const target = memberships.find((m) => m.organisationId === organisationId);
      const problem = switchProblem(
        { organisationId: actor.organisationId, method: current.signInMethod, ssoIssuer: current.ssoIssuer ?? null },
        target,
        account.confinedToOrganisationId,
      );
      // a body field naming a school: 400 like any field that names nothing of the caller's (nothing told of that school)
      if (problem === 'not_a_member') throw DomainError.invalidField('organisationId', 'is not a school you belong to');
      if (problem === 'same_organisation') throw DomainError.invalidField('organisationId', 'is the organisation this session acts in already');
      if (problem === 'sign_in_there') throw new DomainError('forbidden', 'sign_in_there', 'This sign-in does not carry over to that school: sign in there.');
      const now = this.clock.now();
      const passed = await queryOne<{ at: Date | null; method: string | null }>(
        em,
        `UPDATE sessions SET revoked_at = $2, revoked_reason = 'switched_organisation' WHERE id = $1 AND revoked_at IS NULL
         RETURNING second_factor_at AS at, second_factor_method AS method`,
        [current.id, now],
      );
      if (!passed) throw DomainError.unauthorized('The session has ended: sign in again.');
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: null,
        action: 'auth.signed_out',
        entityType: 'session',
        entityId: current.id,
        reason: 'switched_organisation',
        payload: { ip: context.ip },
      });
      const chosen = target!;
      return this.sessions.signIn(
        em,
        chosen,
        {
          method: current.signInMethod,
          ssoIssuer: current.ssoIssuer ?? null,
          secondFactorRequired: membershipNeedsSecondFactor(chosen),
          secondFactorPassed: passed.at ? { at: passed.at, method: passed.method ?? 'totp' } : null,
        },
        context,
        { method: current.signInMethod, switched: true, ip: context.ip },
      );
    });
    return this.sessions.issue(outcome.user, outcome.session);
  }
}
