import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CATEGORY_CHOICES,
  MONITORING_REASON_CHOICES,
  MONITORING_SCOPE_CHOICES,
  PLATFORM_CHOICES,
  SANCTION_CHOICES,
  STANDARD_CHOICES,
  TRIAGE_DECISION_CHOICES,
} from './policy-text';
import { MISUSE_CATEGORIES, PLATFORMS, POLICY_STANDARDS } from './vocabulary';
import { MONITORING_REASONS, MONITORING_SCOPES } from '../monitoring/monitoring.rules';
import { SANCTIONS } from '../outcomes/outcome.rules';
import { TRIAGE_DECISIONS } from '../cases/lifecycle';

/** The policy as adopted (docs/policy/social-media-policy.txt, a copy of the school's text). */
const POLICY = readFileSync(join(__dirname, '..', '..', 'docs', 'policy', 'social-media-policy.txt'), 'utf8');

/** Whitespace, list markers and typographic quotes don't count; what is left must be the policy's text. */
const normalise = (text: string) =>
  text
    .replace(/[‘’]/g, "'")
    .replace(/^\s*((-|\d+\.|[a-c]\.)\s+)+/gm, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();

describe('the policy’s own words (GET /policy)', () => {
  const all = [
    ...PLATFORM_CHOICES,
    ...CATEGORY_CHOICES,
    ...STANDARD_CHOICES,
    ...MONITORING_REASON_CHOICES,
    ...MONITORING_SCOPE_CHOICES,
    ...SANCTION_CHOICES,
    ...TRIAGE_DECISION_CHOICES,
  ];

  it.each(all.map((c) => [`${c.clause} ${c.value}`, c.words] as const))('%s is quoted from the policy', (_label, words) => {
    // Examples joined with "; " and elisions marked "[…]" are each a verbatim piece of the text.
    const pieces = words
      .split(/\s*\[…\]\s*|:\s+|;\s+/)
      .map((piece) =>
        normalise(piece)
          .replace(/[.;,]+$/, '')
          .trim(),
      )
      .filter((piece) => piece.length > 3);
    for (const piece of pieces) expect({ piece, found: normalise(POLICY).includes(piece) }).toEqual({ piece, found: true });
  });

  it('every value the API takes has its words, once', () => {
    expect(PLATFORM_CHOICES.map((c) => c.value)).toEqual([...PLATFORMS]);
    expect(CATEGORY_CHOICES.map((c) => c.value)).toEqual([...MISUSE_CATEGORIES]);
    expect(STANDARD_CHOICES.map((c) => c.value)).toEqual([...POLICY_STANDARDS]);
    expect(MONITORING_REASON_CHOICES.map((c) => c.value)).toEqual([...MONITORING_REASONS]);
    expect(MONITORING_SCOPE_CHOICES.map((c) => c.value)).toEqual([...MONITORING_SCOPES]);
    expect(SANCTION_CHOICES.map((c) => c.value)).toEqual([...SANCTIONS]);
    expect(TRIAGE_DECISION_CHOICES.map((c) => c.value)).toEqual([...TRIAGE_DECISIONS]);
  });
});
