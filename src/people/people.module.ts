import { Module } from '@nestjs/common';
import { InvestigatingManagersController } from './investigating-managers.controller';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController, StaffController, InvestigatingManagersController],
  providers: [UsersService, StaffService],
  exports: [UsersService, StaffService],
})
export class PeopleModule {}
