/**
 * Every `code` a problem+json answer can carry, with its HTTP status and what it means to a
 * client (api.md "Conventions": errors have a stable `code`). `DomainError` takes only these
 * codes (a new one fails to compile until it is listed here), the OpenAPI document's
 * `Problem` schemas enumerate them per status (a generated client can switch on `code`), and
 * docs/api-contract.md lists them.
 */
export const PROBLEM_CODES = {
  // 400
  validation_failed: { status: 400, meaning: 'The body, query or a path parameter breaks a rule; `errors[]` names each field and what is wrong.' },
  bad_request: { status: 400, meaning: 'The request could not be read: a malformed URL, body that is not JSON, or a body where none is taken.' },
  wrong_password: { status: 400, meaning: 'POST /auth/password: the current password is wrong (`errors[]` names `currentPassword`).' },
  refresh_token_missing: { status: 400, meaning: 'POST /auth/refresh with neither the refresh cookie nor `refreshToken` in the body.' },
  malformed_multipart: { status: 400, meaning: 'An evidence upload whose multipart/form-data body could not be read.' },
  second_factor_invalid: { status: 400, meaning: 'The authenticator code or recovery code is wrong, already used or out of time (`errors[]` names `code`).' },
  sso_state_mismatch: {
    status: 400,
    meaning: 'Single sign-on came back with a `state` this browser did not start (or one already used or expired): start again.',
  },
  // 401
  unauthorized: { status: 401, meaning: 'No bearer token, or one that is invalid, expired or of an ended session: sign in (or refresh) again.' },
  invalid_credentials: { status: 401, meaning: 'POST /auth/login: the e-mail or password is wrong (never says which).' },
  invalid_refresh_token: { status: 401, meaning: 'POST /auth/refresh: the refresh token is unknown, replaced, ended, idle or expired; sign in again.' },
  sso_failed: { status: 401, meaning: 'Single sign-on failed: the provider refused, or its answer (code, ID token) was not valid.' },
  sso_no_account: {
    status: 401,
    meaning: 'Single sign-on: the provider vouched for someone with no account at this school, or an e-mail outside its allowed domains.',
  },
  // 403
  forbidden: {
    status: 403,
    meaning: 'Known resource, but no role of the caller allows this (or not on this case: not its investigator, not the acting decision-maker …).',
  },
  password_change_required: {
    status: 403,
    meaning:
      'An admin reset the password: only POST /auth/password, GET /auth/me, POST /auth/logout (and the second factor’s routes) answer until it is changed.',
  },
  second_factor_required: {
    status: 403,
    meaning: 'The session has not passed its second factor: only the second factor’s routes, GET /auth/me and POST /auth/logout answer until it does.',
  },
  password_sign_in_not_allowed: {
    status: 403,
    meaning: 'POST /auth/login: the password is right, but this school takes single sign-on only (or an admin’s reset confined it to another school).',
  },
  sign_in_there: { status: 403, meaning: 'POST /auth/organisation: this sign-in does not carry over to that school; sign in there.' },
  evidence_withheld: {
    status: 403,
    meaning: 'The caller may see that an item of evidence exists, not its content (special category, or a reporter or witness of the case).',
  },
  // 404
  not_found: {
    status: 404,
    meaning: 'No such resource, or not visible to the caller (another organisation’s, an unassigned case …): the two are never told apart.',
  },
  // 409
  invalid_transition: { status: 409, meaning: 'The case is not in a status where this step can be taken.' },
  investigation_closed: { status: 409, meaning: 'Investigation records are taken only while the investigation is open.' },
  already_decided: { status: 409, meaning: 'A decision (appeal, monitoring request, grievance) was already taken, by the caller or someone else.' },
  case_changed: { status: 409, meaning: 'The case changed while the request waited for it; reload and decide again.' },
  concurrent_change: { status: 409, meaning: 'Another change to the same data happened at the same moment; retry.' },
  duplicate: { status: 409, meaning: 'That already exists (a uniqueness rule).' },
  erased: { status: 409, meaning: 'The case’s content was erased under retention (§13): it accepts no further record.' },
  conflict_of_interest: { status: 409, meaning: 'The caller or the person named is a party to the case in a way the fairness rules forbid (§4).' },
  no_decision_maker: {
    status: 409,
    meaning: 'Nobody may take this decision (every headteacher and governor is conflicted or inactive); `detail` says what is missing.',
  },
  already_assigned: { status: 409, meaning: 'That investigating manager is already appointed to the case.' },
  not_notified: { status: 409, meaning: 'A subject response before the subject was notified of any allegation.' },
  submission_blocked: { status: 409, meaning: 'The investigation report cannot be submitted yet; `detail` lists what is missing.' },
  not_approved: { status: 409, meaning: 'A disclosure of what a monitoring authorisation obtained, before it was approved.' },
  monitoring_not_permitted: {
    status: 409,
    meaning: '§11: personal social media is reviewed only for misconduct brought to the school’s attention (cite allegations).',
  },
  monitoring_expiry_out_of_bounds: {
    status: 409,
    meaning: 'A monitoring authorisation would expire later than the configured limit allows (`errors[]` names `expiresAt`).',
  },
  monitoring_authorisation_required: { status: 409, meaning: 'Evidence obtained by monitoring needs the approved authorisation it came from (§9, §11).' },
  monitoring_authorisation_invalid: {
    status: 409,
    meaning: 'The monitoring authorisation cited does not cover this evidence (not approved, expired, another case, out of period).',
  },
  evidence_integrity_failure: {
    status: 409,
    meaning: 'The stored content no longer matches its recorded SHA-256; the failure is recorded in custody and audit.',
  },
  no_substantiated_finding: { status: 409, meaning: 'Gross misconduct and dismissal need at least one substantiated finding.' },
  not_appealable: { status: 409, meaning: 'There is no sanction to appeal against.' },
  appeal_out_of_time: { status: 409, meaning: 'The appeal was lodged after the appeal deadline.' },
  appeal_cannot_increase_sanction: { status: 409, meaning: 'On appeal a sanction can only be reduced or withdrawn.' },
  appeal_window_open: { status: 409, meaning: 'The case cannot close while the appeal window is open.' },
  already_on_hold: { status: 409, meaning: 'The case is already on legal hold.' },
  not_on_hold: { status: 409, meaning: 'The case is not on legal hold.' },
  not_due: { status: 409, meaning: 'The case is not (or no longer) due for erasure.' },
  own_subject_access: { status: 409, meaning: 'Nobody runs a subject-access export of themselves (§13).' },
  referral_decision_required: {
    status: 409,
    meaning: 'KCSIE Part 4: a safeguarding case ending in dismissal closes only once the DBS (and, for a teacher, TRA) referral decision is recorded.',
  },
  own_reference_check: { status: 409, meaning: 'Nobody runs a reference check on themselves (KCSIE Part 4).' },
  case_paused: {
    status: 409,
    meaning: 'process.md §4: the disciplinary process is paused pending a grievance; the case’s status does not change until it is resumed.',
  },
  already_paused: { status: 409, meaning: 'process.md §4: the disciplinary process of the case is already paused.' },
  not_paused: { status: 409, meaning: 'process.md §4: the disciplinary process of the case is not paused; there is nothing to resume.' },
  grievance_undecided: { status: 409, meaning: 'process.md §4: the process resumes only once the grievance it was paused for is decided.' },
  already_member: { status: 409, meaning: 'POST /users: this person already has an account at this school.' },
  second_factor_enrolled: { status: 409, meaning: 'An authenticator is already set up: an admin resets it first.' },
  no_enrolment: { status: 409, meaning: 'No authenticator enrolment is under way: start one (POST /auth/second-factor/enrolment).' },
  sso_not_configured: { status: 409, meaning: 'This school has no single sign-on provider set up.' },
  own_second_factor_reset: { status: 409, meaning: 'An admin does not reset their own second factor.' },
  own_password_reset: { status: 409, meaning: 'An admin does not reset their own password: POST /auth/password.' },
  own_roles: { status: 409, meaning: 'An admin does not change their own roles.' },
  own_deactivation: { status: 409, meaning: 'An admin does not deactivate their own account.' },
  last_admin: { status: 409, meaning: 'The organisation must keep at least one active admin.' },
  own_link: { status: 409, meaning: 'An admin does not link or unlink their own account.' },
  staff_already_linked: { status: 409, meaning: 'The staff record is linked to another account: unlink it first (`userId: null`).' },
  user_already_linked: { status: 409, meaning: 'The account is already linked to another staff record.' },
  letter_not_available: { status: 409, meaning: 'process.md §2: the case has no record this letter is made from yet (no notice, outcome or decided appeal).' },
  letter_not_generated: { status: 409, meaning: 'process.md §2: a letter is recorded as sent only once the system has generated it.' },
  letter_already_sent: { status: 409, meaning: 'process.md §2: this letter is already recorded as sent (the record stands).' },
  already_suspended: { status: 409, meaning: 'process.md §1: the person already has an active suspension on this case; review it instead.' },
  suspension_lapsed: {
    status: 409,
    meaning: 'process.md §1: the suspension was not reviewed by its review date and has lapsed; record a new one if still needed.',
  },
  suspension_ended: { status: 409, meaning: 'process.md §1: the suspension has ended (on review or with the outcome); there is nothing to review.' },
  hearing_required: {
    status: 409,
    meaning: 'process.md §1 (ACAS Code): a sanction other than no action follows a disciplinary hearing; invite the subject to one first.',
  },
  hearing_not_held: { status: 409, meaning: 'process.md §1: the hearing has not been recorded as held yet (or the subject’s absence from a rearranged one).' },
  not_hearing_chair: {
    status: 409,
    meaning: 'process.md §1 (ACAS Code): the person who chairs a hearing arranges and records it and takes the decision it leads to.',
  },
  hearing_held: {
    status: 409,
    meaning: 'process.md §1: the hearing has been held; it is not rearranged, recorded again or replaced while its chair can decide.',
  },
  hearing_superseded: { status: 409, meaning: 'process.md §1: a later invitation has replaced this hearing.' },
  hearing_notice_not_given: {
    status: 409,
    meaning:
      'process.md §1, §2: the invitation letter to each subject must be recorded as sent at least the notice the invitation gave (HEARING_NOTICE_WORKING_DAYS, or more as the organisation sets) in working days before the hearing.',
  },
  companion_rearrangement_used: {
    status: 409,
    meaning: 'ERA 1999 s10: the subject has had their one companion-unavailable rearrangement; a further one is the chair’s choice, with a reason.',
  },
  absence_needs_rearrangement: {
    status: 409,
    meaning: 'process.md §1 (ACAS Code): a decision in the subject’s absence is taken only when they miss a rearranged hearing.',
  },
  appeal_hearing_required: { status: 409, meaning: 'process.md §1: an appeal is decided after the appeal hearing; invite the subject to one first.' },
  // 413, 414, 415
  payload_too_large: { status: 413, meaning: 'The body (1 MiB) or the evidence file (EVIDENCE_MAX_BYTES) is too large.' },
  uri_too_long: { status: 414, meaning: 'A path parameter is too long (over 100 characters).' },
  unsupported_media_type: {
    status: 415,
    meaning: 'A body of a type the route does not take (JSON, or multipart/form-data for evidence), or evidence of a type not accepted.',
  },
  media_type_mismatch: { status: 415, meaning: 'The evidence file’s content is not of the type it was declared as.' },
  // 422
  template_placeholders: {
    status: 422,
    meaning:
      'process.md §2: a letter wording that drops a placeholder the system fills, or uses one it does not know; `errors[]` names `body` and each placeholder.',
  },
  // 429
  rate_limited: { status: 429, meaning: 'Too many failed sign-ins for this account or address; wait for `Retry-After` seconds.' },
  // 500: never declared — a 5xx other than 503 is always a bug.
  internal: { status: 500, meaning: 'A bug. Nothing is said about it; it is logged.' },
  // 503
  unavailable: { status: 503, meaning: 'The database is briefly unavailable; retry after `Retry-After` seconds.' },
  db_down: { status: 503, meaning: 'GET /health: the database does not answer.' },
  sso_provider_unavailable: { status: 503, meaning: 'Single sign-on: the school’s provider does not answer; try again later.' },
  busy: { status: 503, meaning: 'Every PDF render thread is busy; retry after `Retry-After` seconds.' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** The codes answered with `status`. */
export type ProblemCodeOf<S extends number> = { [C in ProblemCode]: (typeof PROBLEM_CODES)[C]['status'] extends S ? C : never }[ProblemCode];

/** Every code answered with `status`, in the order above. */
export function problemCodesOf(status: number): ProblemCode[] {
  return (Object.keys(PROBLEM_CODES) as ProblemCode[]).filter((code) => PROBLEM_CODES[code].status === status);
}
