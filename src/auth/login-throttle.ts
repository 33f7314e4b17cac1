/**
 * Login throttling rules (pure). Counts come from `login_attempts` in PostgreSQL, so every
 * API instance behind a load balancer enforces the same limits.
 *
 * - per account and address: a handful of failures blocks that pair for a while;
 * - per account from addresses it has never signed in from: blocks guessing spread over
 *   many addresses, while the owner on a known address (the school) still gets in;
 * - per address across accounts: blocks spraying, except for accounts that have already
 *   signed in from that address, so a staff room behind one NAT address is never blocked.
 * Every block lifts by itself when the window passes: nobody is locked out for good.
 */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  perAccountAndAddress: 5,
  perAccountFromUnknownAddress: 20,
  perAddress: 100,
  knownAddressDays: 30,
} as const;

export interface AttemptCounts {
  /** failures for this e-mail from this address in the window */
  pairFailures: number;
  /** failures for this e-mail from any address in the window */
  accountFailures: number;
  /** failures from this address for any e-mail in the window */
  addressFailures: number;
  /** this e-mail signed in successfully from this address within knownAddressDays */
  knownAddress: boolean;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: 'account_and_address' | 'account' | 'address' };

export function throttleVerdict(counts: AttemptCounts): ThrottleVerdict {
  if (counts.pairFailures >= THROTTLE.perAccountAndAddress) return { allowed: false, reason: 'account_and_address' };
  if (counts.knownAddress) return { allowed: true };
  if (counts.accountFailures >= THROTTLE.perAccountFromUnknownAddress) return { allowed: false, reason: 'account' };
  if (counts.addressFailures >= THROTTLE.perAddress) return { allowed: false, reason: 'address' };
  return { allowed: true };
}
