import type { components } from '../../api/schema';

export type SuspensionGround = components['schemas']['SuspensionRequest']['grounds'][number];

/** The grounds of a suspension (process.md §1), as the screens say them. */
export const GROUND_WORDS: Record<SuspensionGround, { text: string; hint: string }> = {
  risk_to_pupils: { text: 'A risk to pupils', hint: 'Pupils could come to harm if the person stays at work.' },
  risk_to_evidence: { text: 'A risk to the evidence', hint: 'Posts, messages or accounts could be changed or deleted.' },
  risk_to_investigation: { text: 'A risk to the investigation', hint: 'Witnesses could be influenced, or the facts could not otherwise be established.' },
};
