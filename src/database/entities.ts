import { Organisation } from '../organisations/organisation.entity';
import { User } from '../people/entities/user.entity';
import { StaffMember } from '../people/entities/staff-member.entity';
import { LoginAttempt } from '../auth/login-attempt.entity';
import { Session } from '../auth/session.entity';
import { Account } from '../auth/entities/account.entity';
import { RecoveryCode } from '../auth/entities/recovery-code.entity';
import { SignInSettings } from '../auth/entities/sign-in-settings.entity';
import { SsoIdentity } from '../auth/entities/sso-identity.entity';
import { SsoRequest } from '../auth/entities/sso-request.entity';
import { Case } from '../cases/entities/case.entity';
import { CaseParty } from '../cases/entities/case-party.entity';
import { CaseReferenceCounter } from '../cases/entities/case-reference-counter.entity';
import { Report } from '../reports/entities/report.entity';
import { SafeguardingReferral } from '../triage/safeguarding-referral.entity';
import { AuditEvent } from '../audit/entities/audit-event.entity';
import { AuditChainHead } from '../audit/entities/audit-chain-head.entity';
import { CaseAssignment } from '../investigations/entities/case-assignment.entity';
import { Allegation } from '../investigations/entities/allegation.entity';
import { Fact } from '../investigations/entities/fact.entity';
import { Interview } from '../investigations/entities/interview.entity';
import { InvestigationMeeting } from '../investigations/entities/investigation-meeting.entity';
import { SubjectNotification } from '../investigations/entities/subject-notification.entity';
import { SubjectResponse } from '../investigations/entities/subject-response.entity';
import { Evidence } from '../evidence/entities/evidence.entity';
import { CustodyEvent } from '../evidence/entities/custody-event.entity';
import { MonitoringAuthorisation } from '../monitoring/entities/monitoring-authorisation.entity';
import { MonitoringDisclosure } from '../monitoring/entities/monitoring-disclosure.entity';
import { Outcome } from '../outcomes/entities/outcome.entity';
import { Appeal } from '../outcomes/entities/appeal.entity';
import { Grievance } from '../grievances/entities/grievance.entity';
import { ProcessPause } from '../grievances/entities/process-pause.entity';
import { Hearing } from '../hearings/entities/hearing.entity';
import { HearingRearrangement } from '../hearings/entities/hearing-rearrangement.entity';
import { LadoConsultation } from '../kcsie/entities/lado-consultation.entity';
import { ReferralDecision } from '../kcsie/entities/referral-decision.entity';
import { Letter } from '../letters/entities/letter.entity';
import { LetterTemplate } from '../letters/entities/letter-template.entity';
import { Suspension } from '../suspensions/entities/suspension.entity';
import { SuspensionReview } from '../suspensions/entities/suspension-review.entity';
import { CaseFigures } from '../statistics/entities/case-figures.entity';
import { InvestigationExtension } from '../investigations/entities/investigation-extension.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { NotificationPreference } from '../notifications/entities/notification-preference.entity';
import { EmailDelivery } from '../notifications/entities/email-delivery.entity';

/** Every entity of the schema; migrations must match these exactly (`npm run migration:check`). */
export const ENTITIES = [
  Organisation,
  User,
  StaffMember,
  LoginAttempt,
  Session,
  Account,
  RecoveryCode,
  SignInSettings,
  SsoIdentity,
  SsoRequest,
  Case,
  CaseParty,
  CaseReferenceCounter,
  Report,
  SafeguardingReferral,
  AuditEvent,
  AuditChainHead,
  CaseAssignment,
  Allegation,
  Fact,
  Interview,
  InvestigationMeeting,
  SubjectNotification,
  SubjectResponse,
  Evidence,
  CustodyEvent,
  MonitoringAuthorisation,
  MonitoringDisclosure,
  Outcome,
  Appeal,
  Hearing,
  HearingRearrangement,
  LadoConsultation,
  ReferralDecision,
  Letter,
  LetterTemplate,
  Suspension,
  SuspensionReview,
  Grievance,
  ProcessPause,
  CaseFigures,
  InvestigationExtension,
  Notification,
  NotificationPreference,
  EmailDelivery,
];
