import { Global, Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationSettingsService } from './organisation-settings.service';
import { SchoolCalendars } from './school-calendars.service';

/**
 * The organisation's own settings (its nation) and the calendar it counts working days in.
 * Global: every module with a "within N working days" rule asks `SchoolCalendars`, as every
 * module asks `Clock`.
 */
@Global()
@Module({
  controllers: [OrganisationController],
  providers: [OrganisationSettingsService, SchoolCalendars],
  exports: [SchoolCalendars],
})
export class OrganisationsModule {}
