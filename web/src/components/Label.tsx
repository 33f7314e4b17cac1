import type { ReactNode } from 'react';
import { cx } from './classes';

/** GOV.UK label; `isPageHeading` wraps it in the page's <h1> (a one-question page). */
export function Label({
  htmlFor,
  children,
  size,
  isPageHeading = false,
}: {
  htmlFor: string;
  children: ReactNode;
  size?: 'xl' | 'l' | 'm' | 's';
  isPageHeading?: boolean;
}) {
  const label = (
    <label className={cx('govuk-label', size && `govuk-label--${size}`)} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
