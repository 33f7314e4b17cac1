import type { LetterAuthor } from '../access/case-access.policy';
import type { CaseResponse } from '../cases/dto/case.dto';
import { SANCTION_CHOICES } from '../policy/policy-text';
import { MISUSE_CATEGORY_TITLES, MisuseCategory, POLICY_STANDARD_TITLES, PolicyStandard } from '../policy/vocabulary';
import type { PlaceholderSpec } from './letter-template.rules';

export type { LetterAuthor };

/** A record of the case a letter is made from (a notice, the outcome, a decided appeal), and the date of its step. */
export interface LetterSource {
  recordId: string;
  /** When the step was taken (ISO 8601): a letter is not sent before it. */
  at: string;
  /** The one subject (staff id) a letter of this record is to — a suspension, a meeting — or absent: to every subject. */
  to?: string;
}

/**
 * One kind of letter (process.md §2): one file in kinds/, listed in kinds/index.ts. It says which
 * written step it is for and who takes that step (access: case-access.policy.ts `letters:write`),
 * which records of the case it is made from, its default wording and placeholders, and how the
 * placeholders are filled from those records. It reads the case view as the author may read it,
 * with special-category content withheld: no letter carries any.
 */
export interface LetterKind {
  /** snake_case: the path's `:kind`, the audit reason, the templates' key. */
  kind: string;
  /** The letter's heading ("Outcome of the disciplinary process"). */
  title: string;
  /** The written step it is for, as a person says it. */
  step: string;
  author: LetterAuthor;
  /** The placeholders of its wording, the common ones (COMMON_PLACEHOLDERS) included. */
  placeholders: readonly PlaceholderSpec[];
  /** The wording used until the organisation adjusts it: paragraphs separated by a blank line. */
  defaultBody: string;
  /** The records of the case this letter can be made from, oldest first; [] when none yet. */
  sources(view: CaseResponse): LetterSource[];
  /** The values of the kind's own placeholders, for the record `recordId` (one of `sources`). */
  values(view: CaseResponse, recordId: string): Record<string, string>;
}

/** Placeholders every letter offers, filled by the letter assembly (letter-assembly.ts). */
export const COMMON_PLACEHOLDERS: readonly PlaceholderSpec[] = [
  { name: 'subject_name', description: 'the name of the person the letter is to, as the staff directory writes it', required: true },
  { name: 'case_reference', description: 'the case reference (SMP-, the year, a number: SMP-YYYY-NNNN)', required: false },
  { name: 'school_name', description: 'the organisation’s name', required: false },
  { name: 'signatory_name', description: 'who signs the organisation’s letters (the letterhead)', required: false },
  { name: 'signatory_title', description: 'in what capacity they sign', required: false },
];

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });

/** A date as a UK letter writes it: `1 December 2026` (UK time). */
export function letterDate(iso: string | Date): string {
  return LONG_DATE.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** A sanction as the policy names it (§6, §12). */
export function sanctionLabel(sanction: string | null | undefined): string {
  return SANCTION_CHOICES.find((c) => c.value === sanction)?.label ?? (sanction ?? '').replace(/_/g, ' ');
}

/** The clause an allegation is made under: a §7 standard, §8 or an App.A category. */
export function allegationClause(a: { policyStandard: string | null; category: string | null }): string | null {
  if (a.policyStandard) return POLICY_STANDARD_TITLES[a.policyStandard as PolicyStandard] ?? `§${a.policyStandard}`;
  if (a.category) return MISUSE_CATEGORY_TITLES[a.category as MisuseCategory] ?? a.category;
  return null;
}

/** A numbered list, one item a line. */
export function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

/**
 * How long a warning stays live, from the decision to its expiry, as a person counts it: whole
 * months and the days left over (`12 months`, `5 months and 29 days`), or days under a month.
 */
export function warningPeriod(fromIso: string, untilIso: string): string {
  const from = new Date(fromIso);
  const until = new Date(untilIso);
  let months = (until.getUTCFullYear() - from.getUTCFullYear()) * 12 + (until.getUTCMonth() - from.getUTCMonth());
  // n months on, the day kept or, past the end of a shorter month, its last day (31 January + 1 month = 28 February)
  const plus = (n: number) => {
    const lastDay = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + n + 1, 0)).getUTCDate();
    return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + n, Math.min(from.getUTCDate(), lastDay), from.getUTCHours(), from.getUTCMinutes()));
  };
  if (plus(months).getTime() > until.getTime()) months -= 1;
  const days = Math.round((until.getTime() - plus(Math.max(months, 0)).getTime()) / 86_400_000);
  const say = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (months < 1) return say(Math.max(days, 1), 'day');
  return days > 0 ? `${say(months, 'month')} and ${say(days, 'day')}` : say(months, 'month');
}

/** The sentence on how long a warning stays on the record, or '' when the sanction is not a warning (the paragraph is then left out). */
export function warningSentence(sanction: string | null, fromIso: string, untilIso: string | null): string {
  if (!untilIso || (sanction !== 'first_written_warning' && sanction !== 'final_written_warning')) return '';
  return `This ${sanctionLabel(sanction).toLowerCase()} will remain live on your record for ${warningPeriod(fromIso, untilIso)}, until ${letterDate(untilIso)}. After that date it will be disregarded for disciplinary purposes.`;
}
