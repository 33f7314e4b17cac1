import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CreatesRecord } from '../common/http/created-record';
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
  @CreatesRecord('/users/{userId}', { type: UserResponse, from: { userId: 'id' } })
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return this.users.create(actor, body);
  }

  @Get()
  @Allow('users:manage')
  @ApiOperation({ summary: 'The accounts of the organisation, newest first (admin)' })
  @ApiOkResponse({ type: UserPage })
  listUsers(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<UserPage> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Allow('users:manage')
  @ApiOperation({ summary: 'One account of the organisation (admin)' })
  @ApiOkResponse({ type: UserResponse })
  getUser(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UserResponse> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @Allow('users:manage')
  @ApiOperation({
    summary: 'Change an account’s roles, active flag or name (admin)',
    description: 'Never one’s own roles (409 own_roles), never oneself deactivated (409 own_deactivation), never the last active admin (409 last_admin).',
  })
  @ApiOkResponse({ type: UserResponse })
  updateUser(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: UpdateUserRequest): Promise<UserResponse> {
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
  resetUserPassword(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PasswordResetResponse> {
    return this.users.resetPassword(actor, id);
  }
}
