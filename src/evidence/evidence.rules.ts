/** Evidence vocabulary (domain.md "Evidence", §4, §9, §13). */
export const EVIDENCE_KINDS = ['screenshot', 'post_capture', 'document', 'statement', 'monitoring_extract'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** §13: personal data, or special-category data that exports leave out unless asked for. */
export const SENSITIVITIES = ['personal', 'special_category'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Every view, download and hand-over of an item is recorded. */
export const CUSTODY_ACTIONS = ['collected', 'viewed', 'downloaded', 'handed_over', 'integrity_failed'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];
