import type { ReactNode } from 'react';
import { cx } from './classes';

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

/** GOV.UK tag: a short status ("Awaiting decision"). The default colour is the service's blue. */
export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={cx('govuk-tag', colour && `govuk-tag--${colour}`)}>{children}</strong>;
}
