import { randomInt } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password rules (api.md "Sessions and passwords", NCSC password guidance): length and a
 * deny-list of commonly used passwords; no composition rules, no forced expiry.
 *
 * The deny-list is the "passwords-common" dictionary of @zxcvbn-ts/language-common (about
 * 49,000 of the most used passwords seen in breaches, maintained with zxcvbn-ts). A password is
 * refused when it is on it, or when it is one of those with digits and symbols around it
 * (`Password2026!`, `monkey123456`), or a short run of characters repeated (`abcabcabcabc`).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export interface PasswordOwner {
  email: string;
  name: string;
}

export const PASSWORD_PROBLEMS = {
  too_short: `must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  personal: 'must not be your e-mail address or your name, nor contain them',
  common: 'is a commonly used password; choose another (several random words make a good one)',
} as const;
export type PasswordProblem = keyof typeof PASSWORD_PROBLEMS;

let denied: Set<string> | undefined;
function deniedPasswords(): Set<string> {
  denied ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return denied;
}

/** Lower-case letters and digits only: `Helen.Head` and `helen head` are the same. */
const squash = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Parts of the person's identity shorter than this are not looked for inside a password (`hr@…` would forbid "three"). */
const MIN_CONTAINED = 4;

/** What is wrong with `password` for this person, or null when it may be used. */
export function passwordProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
  const normalised = password.normalize('NFC');
  if ([...normalised].length < PASSWORD_MIN_LENGTH) return 'too_short';

  const squashed = squash(normalised);
  const email = owner.email.trim().toLowerCase();
  const local = squash(email.split('@')[0] ?? '');
  const name = squash(owner.name);
  if (normalised.trim().toLowerCase() === email || squashed === squash(email)) return 'personal';
  if (squashed === name || (name.length >= MIN_CONTAINED && squashed.includes(name))) return 'personal';
  if (local.length >= MIN_CONTAINED && squashed.includes(local)) return 'personal';

  const lower = normalised.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const list = deniedPasswords();
  if (list.has(lower) || list.has(lower.trim()) || (core.length >= 4 && list.has(core))) return 'common';
  if (/^(.{1,4})\1+$/su.test(lower)) return 'common';
  return null;
}

/**
 * A temporary password an admin reads out or passes on: five random words of the diceware
 * list shipped with the same package (about 64 bits), checked against the rules like any other.
 */
export function temporaryPassword(owner: PasswordOwner): string {
  const words = dictionary['diceware-common'];
  for (;;) {
    const candidate = Array.from({ length: 5 }, () => words[randomInt(words.length)]).join('-');
    if (passwordProblem(candidate, owner) === null) return candidate;
  }
}
