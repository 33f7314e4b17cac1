import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { PageQuery } from '../common/pagination/pagination';
import { CreateStaffRequest, StaffPage, StaffResponse } from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @Allow('staff:manage')
  @ApiCreatedResponse({ type: StaffResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateStaffRequest): Promise<StaffResponse> {
    return this.staff.create(actor, body);
  }

  @Get()
  @Allow('staff:read')
  @ApiOkResponse({ type: StaffPage })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<StaffPage> {
    return this.staff.list(actor, query);
  }
}
