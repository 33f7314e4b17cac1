// Every migration, oldest first. `npm run migration:generate -- <Name>` appends here.
import { Initial1795474956969 } from './1795474956969-Initial';
import { AuditAppendOnly1795474956970 } from './1795474956970-AuditAppendOnly';
import { Investigation1795476495426 } from './1795476495426-Investigation';
import { Monitoring1795477499846 } from './1795477499846-Monitoring';
import { Outcomes1795477705819 } from './1795477705819-Outcomes';
import { AuditChainInDatabase1795480000000 } from './1795480000000-AuditChainInDatabase';
import { AuditChainInlined1795480100000 } from './1795480100000-AuditChainInlined';
import { AppealLateEntryReason1796072888149 } from './1796072888149-AppealLateEntryReason';
import { Sessions1796075345432 } from './1796075345432-Sessions';
import { AuditReasonIsCode1796077079884 } from './1796077079884-AuditReasonIsCode';
import { CaseListSearch1796078774282 } from './1796078774282-CaseListSearch';
import { Kcsie1796086245514 } from './1796086245514-Kcsie';
import { Letters1796086885432 } from './1796086885432-Letters';
import { StatisticsReportsPeriod1796087491720 } from './1796087491720-StatisticsReportsPeriod';
import { Suspensions1796097124815 } from './1796097124815-Suspensions';
import { Grievances1796097312448 } from './1796097312448-Grievances';
import { Hearings1796097561050 } from './1796097561050-Hearings';
import { InvestigationMeetings1796098911300 } from './1796098911300-InvestigationMeetings';
import { CaseFigures1796108222143 } from './1796108222143-CaseFigures';
import { OpenCasesIndex1796109847313 } from './1796109847313-OpenCasesIndex';
import { OrganisationNation1796109906138 } from './1796109906138-OrganisationNation';
import { Notifications1796110101729 } from './1796110101729-Notifications';
import { InvestigationExtensions1796110339138 } from './1796110339138-InvestigationExtensions';
import { OrganisationDeadlines1796111684413 } from './1796111684413-OrganisationDeadlines';
import { SignIn1796120283215 } from './1796120283215-SignIn';
import { GrievanceDecidedByRole1796190000000 } from './1796190000000-GrievanceDecidedByRole';
export const MIGRATIONS: Function[] = [
  Initial1795474956969,
  AuditAppendOnly1795474956970,
  Investigation1795476495426,
  Monitoring1795477499846,
  Outcomes1795477705819,
  AuditChainInDatabase1795480000000,
  AuditChainInlined1795480100000,
  AppealLateEntryReason1796072888149,
  Sessions1796075345432,
  AuditReasonIsCode1796077079884,
  CaseListSearch1796078774282,
  Kcsie1796086245514,
  Letters1796086885432,
  StatisticsReportsPeriod1796087491720,
  Suspensions1796097124815,
  Grievances1796097312448,
  Hearings1796097561050,
  InvestigationMeetings1796098911300,
  CaseFigures1796108222143,
  OpenCasesIndex1796109847313,
  OrganisationNation1796109906138,
  Notifications1796110101729,
  InvestigationExtensions1796110339138,
  OrganisationDeadlines1796111684413,
  SignIn1796120283215,
  GrievanceDecidedByRole1796190000000,
];
