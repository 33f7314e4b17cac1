import type { components } from '../api/schema';

export type CaseAction = components['schemas']['CaseGuidanceResponse']['actions'][number];

/**
 * Where each action the API offers on a case (CaseResponse.guidance.actions) is done: the
 * screen's path under /app and the words of its link. The case page links to these; each
 * area's screens (src/screens/) serve them. The API decides which actions a person has.
 */
export const CASE_ACTION_SCREENS: Record<CaseAction, { path: (caseId: string) => string; label: string }> = {
  triage: { path: (id) => `/cases/${id}/triage`, label: 'Triage the report' },
  refer_safeguarding: { path: (id) => `/cases/${id}/safeguarding-referral`, label: 'Record a safeguarding referral' },
  consult_lado: { path: (id) => `/cases/${id}/lado-consultation`, label: 'Record a LADO consultation' },
  assign: { path: (id) => `/cases/${id}/assign`, label: 'Appoint an investigating manager' },
  extend_investigation: { path: (id) => `/cases/${id}/extend-investigation`, label: 'Give the investigation more time' },
  investigate: { path: (id) => `/cases/${id}/investigation`, label: 'Work on the investigation' },
  request_monitoring: { path: (id) => `/cases/${id}/monitoring/new`, label: 'Request monitoring' },
  decide_monitoring: { path: (id) => `/cases/${id}/monitoring`, label: 'Decide monitoring requests' },
  submit_report: { path: (id) => `/cases/${id}/investigation/submit`, label: 'Submit the investigation report' },
  // process.md §1: the hearings (screens: pages/hearings)
  arrange_hearing: { path: (id) => `/cases/${id}/hearing`, label: 'Arrange the disciplinary hearing' },
  record_hearing: { path: (id) => `/cases/${id}/hearing/record`, label: 'Record the disciplinary hearing' },
  arrange_appeal_hearing: { path: (id) => `/cases/${id}/appeal/hearing`, label: 'Arrange the appeal hearing' },
  record_appeal_hearing: { path: (id) => `/cases/${id}/appeal/hearing/record`, label: 'Record the appeal hearing' },
  record_outcome: { path: (id) => `/cases/${id}/outcome`, label: 'Record the outcome' },
  lodge_appeal: { path: (id) => `/cases/${id}/appeal`, label: 'Lodge an appeal' },
  decide_appeal: { path: (id) => `/cases/${id}/appeal/decision`, label: 'Decide the appeal' },
  record_referral_decision: { path: (id) => `/cases/${id}/referral-decisions`, label: 'Record the DBS or TRA referral decision' },
  // process.md §1: precautionary suspension (screens/suspension.tsx)
  suspend: { path: (id) => `/cases/${id}/suspensions/new`, label: 'Suspend on full pay' },
  review_suspension: { path: (id) => `/cases/${id}/suspensions/review`, label: 'Review the suspension' },
  write_letters: { path: (id) => `/cases/${id}/letters`, label: 'Letters' },
  close: { path: (id) => `/cases/${id}/close`, label: 'Close the case' },
  place_legal_hold: { path: (id) => `/cases/${id}/legal-hold`, label: 'Place a legal hold' },
  lift_legal_hold: { path: (id) => `/cases/${id}/legal-hold`, label: 'Lift the legal hold' },
  read_summary: { path: (id) => `/cases/${id}/summary`, label: 'HR case summary' },
  read_audit: { path: (id) => `/cases/${id}/timeline`, label: 'Timeline (audit log)' },
  // §6, process.md §4 (screens/grievance.tsx, docs/grievances.md)
  lodge_grievance: { path: (id) => `/cases/${id}/grievances/new`, label: 'Record a grievance' },
  decide_grievance: { path: (id) => `/cases/${id}/grievances`, label: 'Decide a grievance' },
  pause_process: { path: (id) => `/cases/${id}/pause`, label: 'Pause the process for a grievance' },
  resume_process: { path: (id) => `/cases/${id}/resume`, label: 'Resume the process' },
};
