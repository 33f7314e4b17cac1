import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { Clock } from './common/clock/clock';
import { ClockModule } from './common/clock/clock.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { EvidenceModule } from './evidence/evidence.module';
import { ExportsModule } from './exports/exports.module';
import { GrievancesModule } from './grievances/grievances.module';
import { HealthModule } from './health/health.module';
import { InvestigationsModule } from './investigations/investigations.module';
import { HearingsModule } from './hearings/hearings.module';
import { KcsieModule } from './kcsie/kcsie.module';
import { LettersModule } from './letters/letters.module';
import { JobsModule } from './jobs/jobs.module';
import { ScheduledWorkModule } from './jobs/scheduled-work.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { PeopleModule } from './people/people.module';
import { PolicyModule } from './policy/policy.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { StatisticsModule } from './statistics/statistics.module';
import { SuspensionsModule } from './suspensions/suspensions.module';
import { TasksModule } from './tasks/tasks.module';
import { TriageModule } from './triage/triage.module';

@Module({})
export class AppModule {
  /** `clock`: the system clock unless a test brings its own (src/common/clock). */
  static forRoot(config: AppConfig, databaseUrl: string, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        AccessModule,
        AuditModule,
        OrganisationsModule,
        AuthModule,
        PeopleModule,
        PolicyModule,
        ReportsModule,
        CasesModule,
        TriageModule,
        InvestigationsModule,
        MonitoringModule,
        EvidenceModule,
        OutcomesModule,
        KcsieModule,
        SuspensionsModule,
        HearingsModule,
        LettersModule,
        GrievancesModule,
        RetentionModule,
        ExportsModule,
        StatisticsModule,
        TasksModule,
        JobsModule,
        NotificationsModule,
        ScheduledWorkModule,
        HealthModule,
      ],
    };
  }
}
