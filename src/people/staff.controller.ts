import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import { CreateStaffRequest, StaffPage, StaffQuery, StaffResponse, UpdateStaffRequest } from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @Allow('staff:manage')
  @ApiOperation({ summary: 'Add a staff member to the directory (admin); optionally linked to an account' })
  @CreatesRecord('/staff/{staffId}', { type: StaffResponse, from: { staffId: 'id' } })
  createStaff(@CurrentActor() actor: Actor, @Body() body: CreateStaffRequest): Promise<StaffResponse> {
    return this.staff.create(actor, body);
  }

  @Get()
  @Allow('staff:read')
  @ApiOperation({ summary: 'The staff directory of the organisation, newest first; ?q= searches names' })
  @ApiOkResponse({ type: StaffPage })
  listStaff(@CurrentActor() actor: Actor, @Query() query: StaffQuery): Promise<StaffPage> {
    return this.staff.list(actor, query);
  }

  @Get(':id')
  @Allow('staff:read')
  @ApiOperation({ summary: 'One staff member of the organisation' })
  @ApiOkResponse({ type: StaffResponse })
  getStaff(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<StaffResponse> {
    return this.staff.get(actor, id);
  }

  @Patch(':id')
  @Allow('staff:manage')
  @ApiOperation({
    summary: 'Change a staff member; link (userId) or unlink (userId: null) their account (admin)',
    description:
      'One record per account, one account per record: 409 user_already_linked when the account is linked to another record, ' +
      '409 staff_already_linked when this record is linked to another account (unlink first), 409 own_link for the admin’s own account.',
  })
  @ApiOkResponse({ type: StaffResponse })
  updateStaff(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: UpdateStaffRequest): Promise<StaffResponse> {
    return this.staff.update(actor, id, body);
  }
}
