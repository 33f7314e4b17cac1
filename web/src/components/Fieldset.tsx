import type { ReactNode } from 'react';
import { cx } from './classes';

type LegendSize = 'xl' | 'l' | 'm' | 's';

/** GOV.UK fieldset: groups related inputs under a legend; `isPageHeading` makes the legend the page's <h1>. */
export function Fieldset({
  legend,
  legendSize = 'm',
  isPageHeading = false,
  describedBy,
  role,
  children,
}: {
  legend: ReactNode;
  legendSize?: LegendSize;
  isPageHeading?: boolean;
  describedBy?: string;
  role?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="govuk-fieldset" aria-describedby={describedBy} role={role}>
      <legend className={cx('govuk-fieldset__legend', `govuk-fieldset__legend--${legendSize}`)}>
        {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
