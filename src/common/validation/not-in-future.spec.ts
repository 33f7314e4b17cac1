import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { IsTimestamp } from './is-timestamp';
import { CLOCK_SKEW_MS, NotInFuture } from './not-in-future';

class Stated {
  @IsTimestamp()
  @NotInFuture()
  happenedAt: string;
}

const errorsFor = (happenedAt: string) => validateSync(plainToInstance(Stated, { happenedAt })).flatMap((e) => Object.keys(e.constraints ?? {}));

describe('NotInFuture (domain.md "Dates the API is told": never in the future when they record the past)', () => {
  it('accepts the past and now', () => {
    expect(errorsFor(new Date(Date.now() - 86_400_000).toISOString())).toEqual([]);
    expect(errorsFor(new Date().toISOString())).toEqual([]);
  });

  it('tolerates a client clock a little ahead of the server (5 minutes)', () => {
    expect(CLOCK_SKEW_MS).toBe(5 * 60 * 1000);
    expect(errorsFor(new Date(Date.now() + CLOCK_SKEW_MS - 10_000).toISOString())).toEqual([]);
  });

  it('refuses anything later', () => {
    expect(errorsFor(new Date(Date.now() + CLOCK_SKEW_MS + 10_000).toISOString())).toEqual(['notInFuture']);
    expect(errorsFor('2999-01-01T00:00:00Z')).toEqual(['notInFuture']);
  });
});

/**
 * Every date-time a request states (src/**\/dto/*.ts, `@IsTimestamp()`, or a period's `@PeriodBound()`): what records the past
 * carries `@NotInFuture()`. The rest, listed here with why, look ahead or select.
 */
const NOT_A_RECORD_OF_THE_PAST: Record<string, string> = {
  'AuditQuery.from': 'a filter',
  'AuditQuery.to': 'a filter',
  'CasesCsvQuery.from': 'a filter',
  'CasesCsvQuery.to': 'a filter',
  'CaseListQuery.from': 'a filter',
  'CaseListQuery.to': 'a filter',
  'StatisticsQuery.from': 'a filter',
  'StatisticsQuery.to': 'a filter',
  'MonitoringRequestBody.periodFrom': 'the period to be reviewed may run into the future (bounded by monitoring.rules)',
  'MonitoringRequestBody.periodTo': 'the period to be reviewed may run into the future (bounded by monitoring.rules)',
  'MonitoringRequestBody.expiresAt': 'an expiry (bounded by monitoring.rules)',
  'OutcomeRequest.warningExpiresAt': 'an expiry',
  'OutcomeRequest.appealDeadline': 'a deadline (bounded by outcome.rules)',
  'AppealDecisionRequest.warningExpiresAt': 'an expiry',
  'HearingInvitationRequest.scheduledFor': 'a hearing to come (at least the notice ahead: hearing.rules)',
  'AppealHearingInvitationRequest.scheduledFor': 'a hearing to come (at least the notice ahead: hearing.rules)',
  'HearingRearrangementRequest.scheduledFor': 'the new time of a hearing, in the future (hearing.rules)',
  'InvestigationMeetingRequest.scheduledFor': 'a meeting to come, in the future',
  'SuspensionRequest.reviewBy': 'a review date to come (bounded by suspension.rules)',
  'SuspensionReviewRequest.reviewBy': 'the next review date (bounded by suspension.rules)',
};

function dtoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dtoFiles(path);
    return /[\\/]dto[\\/][^\\/]+\.ts$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('every date field of a request that records the past is never in the future', () => {
  const src = join(__dirname, '..', '..');
  /** `Class.property` → the names of its validators. */
  const fields = new Map<string, string[]>();
  let timestamps: [string, string[]][] = [];

  beforeAll(async () => {
    const storage = getMetadataStorage();
    for (const file of dtoFiles(src)) {
      for (const exported of Object.values((await import(file)) as Record<string, unknown>)) {
        if (typeof exported !== 'function') continue;
        for (const meta of storage.getTargetValidationMetadatas(exported, '', true, false)) {
          const names = meta.constraintCls ? storage.getTargetValidatorConstraints(meta.constraintCls).map((c) => c.name) : [meta.type];
          const key = `${exported.name}.${meta.propertyName}`;
          fields.set(key, [...(fields.get(key) ?? []), ...names]);
        }
      }
    }
    // a period filter's end (period-bound.ts) is a date or a date-time
    timestamps = [...fields].filter(([, names]) => names.includes('isTimestamp') || names.includes('isPeriodBound'));
  });

  it('finds the request DTOs', () => {
    expect(dtoFiles(src).map((f) => relative(src, f))).toEqual(expect.arrayContaining([join('outcomes', 'dto', 'outcome.dto.ts')]));
    expect(timestamps.map(([key]) => key)).toEqual(expect.arrayContaining(['AppealRequest.lodgedAt', 'CreateReportRequest.observedAt']));
  });

  it.each([
    'CreateReportRequest.observedAt',
    'SafeguardingReferralRequest.referredAt',
    'FactRequest.occurredAt',
    'InterviewRequest.heldAt',
    'SubjectNotificationRequest.sentAt',
    'SubjectResponseRequest.receivedAt',
    'EvidenceUploadFields.capturedAt',
    'HandoverRequest.handedOverAt',
    'DisclosureBody.disclosedAt',
    'OutcomeRequest.decidedAt',
    'OutcomeRequest.communicatedAt',
    'AppealRequest.lodgedAt',
  ])('%s is never in the future', (key) => {
    expect(fields.get(key)).toEqual(expect.arrayContaining(['isTimestamp', 'notInFuture']));
  });

  it('any other date-time field is a filter, an expiry, a deadline or a period to come (listed with why)', () => {
    const unchecked = timestamps.filter(([, names]) => !names.includes('notInFuture')).map(([key]) => key);
    expect(unchecked.sort()).toEqual(Object.keys(NOT_A_RECORD_OF_THE_PAST).sort());
  });
});
