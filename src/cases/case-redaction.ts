import type { ReaderRights } from '../access/case-access.policy';
import type { EvidenceResponse } from '../evidence/dto/evidence.dto';
import type { CaseResponse } from './dto/case.dto';
import { withholdGrievances, withholdPause } from '../grievances/grievance-view';
import { withholdHearing } from '../hearings/hearing-view';
import { withholdMeeting } from '../investigations/investigation-view';
import { withholdKcsie } from '../kcsie/kcsie-view';
import { withholdSuspensions } from '../suspensions/suspension-view';

/**
 * What a reader may not read of a case, taken out of the view — the same for the case view,
 * the evidence routes, the summaries and every export (domain.md "Data protection"):
 * - special-category evidence: only the assigned investigating manager, the acting
 *   decision-maker and the appeal panel read it; everyone else sees that it exists
 *   (kind, dates, hash);
 * - a reporter or witness of the case does not read other people's statements or evidence
 *   (§4 fair and unbiased); the reporter reads the report they made, a witness their own
 *   statements.
 */
export function redactCase(view: CaseResponse, rights: ReaderRights): CaseResponse {
  if (rights.specialCategory && rights.othersStatements) return view;
  const others = rights.othersStatements;
  return {
    ...view,
    reports: others || rights.isReporter ? view.reports : view.reports.map((r) => ({ ...r, description: null, url: null, withheld: true })),
    facts: others ? view.facts : view.facts.map((f) => ({ ...f, description: null, withheld: true })),
    interviews: view.interviews.map((i) =>
      others || (i.staffId !== null && rights.staffIds.includes(i.staffId)) ? i : { ...i, statement: null, accompaniedBy: null, withheld: true },
    ),
    investigationMeetings: others ? view.investigationMeetings : view.investigationMeetings.map((m) => withholdMeeting(m, rights.staffIds)),
    subjectResponses: others ? view.subjectResponses : view.subjectResponses.map((r) => ({ ...r, response: null, withheld: true })),
    investigationReport:
      others || view.investigationReport === null ? view.investigationReport : { ...view.investigationReport, summary: null, withheld: true },
    evidence: view.evidence.map((item) => redactEvidence(item, rights)),
    kcsie: others ? view.kcsie : withholdKcsie(view.kcsie),
    suspensions: others ? view.suspensions : withholdSuspensions(view.suspensions),
    hearings: others ? view.hearings : view.hearings.map(withholdHearing),
    grievances: others ? view.grievances : withholdGrievances(view.grievances),
    paused: others ? view.paused : withholdPause(view.paused),
  };
}

/** Whether this reader may read this evidence item's description and content. */
export function mayReadEvidence(item: Pick<EvidenceResponse, 'sensitivity'>, rights: ReaderRights): boolean {
  return rights.othersStatements && (rights.specialCategory || item.sensitivity !== 'special_category');
}

/** An item the reader may not read shows only that it exists: kind, dates, hash. */
export function redactEvidence<T extends EvidenceResponse>(item: T, rights: ReaderRights): T {
  if (mayReadEvidence(item, rights)) return item;
  return {
    ...item,
    description: null,
    source: null,
    size: null,
    mediaType: null,
    originalFilename: null,
    redactsEvidenceId: null,
    monitoringAuthorisationId: null,
    withheld: true,
  };
}
