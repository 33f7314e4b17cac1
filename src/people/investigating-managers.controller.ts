import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import type { Role } from '../access/roles';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { queryRows } from '../database/sql';
import {
  CASE_MANAGER_ROLES,
  CaseManagerPage,
  CaseManagerResponse,
  InvestigatingManagerPage,
  InvestigatingManagerResponse,
} from './dto/investigating-manager.dto';

type Row = CaseManagerResponse & { createdAt: Date };

/**
 * Who may be appointed investigating manager (§4), for those who appoint: the headteacher, or
 * the governors standing in. GET /users is the admin's; this is the one read of accounts a
 * decision-maker needs to choose. It decides nothing: conflicts of interest on a case are
 * POST /cases/:id/assign's to refuse (409 conflict_of_interest, explained).
 */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class InvestigatingManagersController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('investigating-managers')
  @Allow('cases:assign')
  @ApiOperation({
    summary: 'The active investigating managers of the organisation, newest first (for those who appoint them)',
    description: 'Each with the staff record linked to the account. Whether one may be appointed to a given case is POST /cases/:id/assign’s to say.',
  })
  @ApiOkResponse({ type: InvestigatingManagerPage })
  listInvestigatingManagers(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<InvestigatingManagerResponse>> {
    return this.accountsHolding(actor, ['investigating_manager'], query).then((page) => ({
      ...page,
      items: page.items.map(({ roles: _roles, ...manager }) => manager),
    }));
  }

  @Get('case-managers')
  @Allow('cases:safeguarding')
  @ApiOperation({
    summary: 'Who may be named case manager of a safeguarding allegation (KCSIE Part 4): the active headteachers, deputy heads and governors, newest first',
    description:
      'For those who record the LADO consultation (the deputy head, or the acting decision-maker). Whether one may lead a given case is POST /cases/:id/lado-consultations’s to say (409 conflict_of_interest for a party to it).',
  })
  @ApiOkResponse({ type: CaseManagerPage })
  listCaseManagers(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<CaseManagerResponse>> {
    return this.accountsHolding(actor, CASE_MANAGER_ROLES, query);
  }

  /** The organisation's active accounts holding any of `roles` (those roles listed), with their staff record, newest first. */
  private async accountsHolding(actor: Actor, roles: readonly Role[], query: PageQuery): Promise<Page<CaseManagerResponse>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const rows = await queryRows<Row>(
      this.dataSource.manager,
      `SELECT u.id AS "userId", u.name, u.email, s.id AS "staffId", s.job_title AS "jobTitle", u.created_at AS "createdAt",
         ARRAY(SELECT r FROM unnest(u.roles::text[]) r WHERE r = ANY($2::text[]) ORDER BY r) AS roles
       FROM users u LEFT JOIN staff_members s ON s.user_id = u.id
       WHERE u.organisation_id = $1 AND u.active AND u.roles::text[] && $2::text[]
         ${after ? 'AND (u.created_at, u.id) < ($3::timestamptz, $4::uuid)' : ''}
       ORDER BY u.created_at DESC, u.id DESC LIMIT ${limit + 1}`,
      after ? [actor.organisationId, roles, after[0], after[1]] : [actor.organisationId, roles],
    );
    return toPage(
      rows,
      limit,
      (r) => [r.createdAt.toISOString(), r.userId],
      ({ createdAt: _createdAt, ...account }) => account,
    );
  }
}
