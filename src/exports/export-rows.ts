import type { EvidenceKind, Sensitivity } from '../evidence/evidence.rules';
import type { AppealResult, Sanction } from '../outcomes/outcome.rules';

/** The JSON shapes export-sql.ts builds (timestamps already ISO strings). */

export interface OutcomeJson {
  sanction: Sanction;
  grossMisconduct: boolean;
  rationale: string | null;
  decidedAt: string;
  communicatedAt: string | null;
  warningExpiresAt: string | null;
  appealDeadline: string | null;
  decidedByRole: string;
  separationWaiverReason: string | null;
}

export interface AppealJson {
  lodgedAt: string;
  grounds: string | null;
  result: AppealResult | null;
  rationale: string | null;
  newSanction: Sanction | null;
  newWarningExpiresAt: string | null;
  decidedAt: string | null;
  decidedByRole: string | null;
}

export interface EvidenceJson {
  id: string;
  kind: EvidenceKind;
  description: string;
  capturedAt: string;
  sensitivity: Sensitivity;
  sha256: string;
  size: number | string;
  mediaType: string;
  redactsEvidenceId: string | null;
}

export interface ReportJson {
  platform: string;
  platformOther: string | null;
  observedAt: string;
  description: string;
  url: string | null;
  category: string;
  policyStandards: string[];
}

export interface AllegationJson {
  policyStandard: string | null;
  category: string | null;
  summary: string;
  finding: string | null;
  findingReasoning: string | null;
  findingRecordedAt: string | null;
}

export interface SubjectResponseJson {
  receivedAt: string;
  response: string;
  refusedToRespond: boolean;
}
