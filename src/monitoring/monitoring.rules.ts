import { addMonths } from '../calendar/working-days';
import { DomainError } from '../common/errors/domain-error';

/**
 * Monitoring authorisations (§9, §11). §9: the school may monitor internet, email and
 * social media use on school systems "legitimately and proportionately", for the listed
 * reasons. §11: personal social media only where misconduct is proven or "potential
 * misconduct" has been brought to the school's attention. Pure rules, one place each.
 */
export const MONITORING_SCOPES = ['school_systems', 'personal_social_media'] as const;
export type MonitoringScope = (typeof MONITORING_SCOPES)[number];

/** §9's valid reasons, and only those. */
export const MONITORING_REASONS = ['working_time_use', 'policy_breach', 'it_security', 'data_protection'] as const;
export type MonitoringReason = (typeof MONITORING_REASONS)[number];

export const MONITORING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

export interface MonitoringRequestInput {
  scope: MonitoringScope;
  periodFrom: Date;
  periodTo: Date;
  expiresAt: Date;
  allegationIds?: readonly string[];
}

/**
 * Checks a new request. Malformed periods are a 400 naming the field; asking to look at
 * personal social media without citing the potential misconduct of this case is a 409 (§11).
 */
export function checkMonitoringRequest(request: MonitoringRequestInput, caseAllegationIds: ReadonlySet<string>, now: Date): void {
  if (request.periodFrom >= request.periodTo) throw DomainError.invalidField('periodTo', 'must be after periodFrom');
  if (request.expiresAt <= now) throw DomainError.invalidField('expiresAt', 'must be in the future');
  const cited = request.allegationIds ?? [];
  const foreign = cited.filter((id) => !caseAllegationIds.has(id));
  if (foreign.length) throw DomainError.invalidField('allegationIds', `not allegations of this case: ${foreign.join(', ')}`);
  if (request.scope === 'personal_social_media' && cited.length === 0) {
    throw DomainError.conflict(
      'monitoring_not_permitted',
      '§11: personal social media may be reviewed only where potential misconduct has been brought to the school’s attention; cite the allegation(s) of this case (allegationIds).',
    );
  }
}

/**
 * The bounds a school sets on monitoring (domain.md "Dates the API is told"), from
 * configuration: MONITORING_PERIOD_MAX_MONTHS and MONITORING_EXPIRY_MAX_MONTHS.
 */
export interface MonitoringBounds {
  /** the period to be reviewed (periodFrom → periodTo) spans at most this many months */
  periodMaxMonths: number;
  /** an authorisation expires at most this many months after it is decided */
  expiryMaxMonths: number;
}
export const DEFAULT_MONITORING_BOUNDS: MonitoringBounds = { periodMaxMonths: 12, expiryMaxMonths: 3 };

/**
 * §9 "legitimately and proportionately", §5 proportionate; domain.md "Dates the API is told":
 * the period to be reviewed is at most `periodMaxMonths` months long, and the authorisation
 * expires at most `expiryMaxMonths` months after it is decided. Checked when it is asked for
 * (against now, as if decided at once): a request no approver could grant is a 400 naming the field.
 */
export function checkMonitoringBounds(request: { periodFrom: Date; periodTo: Date; expiresAt: Date }, now: Date, bounds: MonitoringBounds): void {
  const longest = addMonths(request.periodFrom, bounds.periodMaxMonths);
  if (request.periodTo > longest) {
    throw DomainError.invalidField(
      'periodTo',
      `the period to be reviewed is at most ${bounds.periodMaxMonths} months: ${longest.toISOString()} or earlier for this periodFrom`,
    );
  }
  const problem = expiryProblem(request.expiresAt, now, bounds);
  if (problem) throw DomainError.invalidField('expiresAt', problem);
}

/**
 * domain.md "Dates the API is told": an authorisation expires at most `expiryMaxMonths`
 * months after it is decided, so approval checks it again against the moment of approval.
 * A request that waited too long for its decision is not shortened by the approver: it is a
 * 409 naming expiresAt, and the investigator asks again with a nearer expiry.
 */
export function checkApprovalExpiry(expiresAt: Date, decidedAt: Date, bounds: MonitoringBounds): void {
  const problem = expiryProblem(expiresAt, decidedAt, bounds);
  if (problem) {
    const message = `${problem}; ask for a new authorisation`;
    throw new DomainError('conflict', 'monitoring_expiry_out_of_bounds', `expiresAt: ${message}.`, [{ field: 'expiresAt', message }]);
  }
}

function expiryProblem(expiresAt: Date, decidedAt: Date, bounds: MonitoringBounds): string | null {
  if (expiresAt <= decidedAt) return `must be in the future (it is ${expiresAt.toISOString()})`;
  const latest = addMonths(decidedAt, bounds.expiryMaxMonths);
  if (expiresAt > latest) return `must be at most ${bounds.expiryMaxMonths} months after the decision: ${latest.toISOString()} or earlier`;
  return null;
}

/** A decision is final, and never the requester's own (domain.md "Conflicts of interest"). */
export function checkMonitoringDecision(authorisation: { status: MonitoringStatus; requestedByUserId: string }, deciderUserId: string): void {
  if (authorisation.status !== 'pending') {
    throw DomainError.conflict('already_decided', `This request was already ${authorisation.status}; a decision is final.`);
  }
  if (authorisation.requestedByUserId === deciderUserId) {
    throw DomainError.conflict('conflict_of_interest', 'Nobody approves or rejects their own monitoring request.');
  }
}

export interface AuthorisationForUse {
  caseId: string;
  status: MonitoringStatus;
  periodFrom: Date;
  periodTo: Date;
  expiresAt: Date;
}

/**
 * Why evidence captured at `capturedAt` may not rest on this authorisation, or null when it
 * may: approved, of the same case, unexpired now (expiry is checked at use), and its period
 * covers the capture. domain.md: "A rejected or expired authorisation cannot be used."
 */
export function authorisationUseProblem(authorisation: AuthorisationForUse | undefined, use: { caseId: string; capturedAt: Date; now: Date }): string | null {
  if (!authorisation || authorisation.caseId !== use.caseId) return 'the monitoring authorisation is not one of this case';
  if (authorisation.status === 'pending') return 'the monitoring authorisation has not been approved yet';
  if (authorisation.status === 'rejected') return 'the monitoring authorisation was rejected';
  if (authorisation.expiresAt <= use.now) return `the monitoring authorisation expired at ${authorisation.expiresAt.toISOString()}`;
  if (use.capturedAt < authorisation.periodFrom || use.capturedAt > authorisation.periodTo) {
    return `capturedAt ${use.capturedAt.toISOString()} is outside the authorised period ${authorisation.periodFrom.toISOString()} – ${authorisation.periodTo.toISOString()}`;
  }
  return null;
}
