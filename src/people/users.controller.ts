import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { PageQuery } from '../common/pagination/pagination';
import { CreateUserRequest, PasswordResetResponse, UpdateUserRequest, UserPage, UserResponse } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Allow('users:manage')
  @ApiOperation({
    summary: 'Create an account (admin)',
    description: 'With the e-mail of an unlinked staff record of the organisation, the account is linked to it (staffId).',
  })
  @ApiCreatedResponse({ type: UserResponse, headers: { Location: { description: 'the new account: /users/{id}', schema: { type: 'string' } } } })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateUserRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserResponse> {
    const created = await this.users.create(actor, body);
    reply.header('Location', `/users/${created.id}`);
    return created;
  }

  @Get()
  @Allow('users:manage')
  @ApiOperation({ summary: 'The accounts of the organisation, newest first (admin)' })
  @ApiOkResponse({ type: UserPage })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<UserPage> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Allow('users:manage')
  @ApiOperation({ summary: 'One account of the organisation (admin)' })
  @ApiOkResponse({ type: UserResponse })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UserResponse> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @Allow('users:manage')
  @ApiOperation({
    summary: 'Change an account’s roles, active flag or name (admin)',
    description: 'Never one’s own roles (409 own_roles), never oneself deactivated (409 own_deactivation), never the last active admin (409 last_admin).',
  })
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: UpdateUserRequest): Promise<UserResponse> {
    return this.users.update(actor, id, body);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @Allow('users:manage')
  @ApiOperation({
    summary: 'Reset an account’s password (admin): a temporary password, shown once',
    description:
      'The person must choose a new password at their next sign-in (until then other routes answer 403 password_change_required); ' +
      'every session of theirs ends. Never one’s own (409 own_password_reset: use POST /auth/password).',
  })
  @ApiOkResponse({ type: PasswordResetResponse })
  resetPassword(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PasswordResetResponse> {
    return this.users.resetPassword(actor, id);
  }
}
