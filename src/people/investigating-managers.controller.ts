import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { queryRows } from '../database/sql';
import { InvestigatingManagerPage, InvestigatingManagerResponse } from './dto/investigating-manager.dto';

type Row = InvestigatingManagerResponse & { createdAt: Date };

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
  async listInvestigatingManagers(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<InvestigatingManagerResponse>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const rows = await queryRows<Row>(
      this.dataSource.manager,
      `SELECT u.id AS "userId", u.name, u.email, s.id AS "staffId", s.job_title AS "jobTitle", u.created_at AS "createdAt"
       FROM users u LEFT JOIN staff_members s ON s.user_id = u.id
       WHERE u.organisation_id = $1 AND u.active AND 'investigating_manager' = ANY(u.roles)
         ${after ? 'AND (u.created_at, u.id) < ($2::timestamptz, $3::uuid)' : ''}
       ORDER BY u.created_at DESC, u.id DESC LIMIT ${limit + 1}`,
      after ? [actor.organisationId, after[0], after[1]] : [actor.organisationId],
    );
    return toPage(
      rows,
      limit,
      (r) => [r.createdAt.toISOString(), r.userId],
      ({ createdAt: _createdAt, ...manager }) => manager,
    );
  }
}
