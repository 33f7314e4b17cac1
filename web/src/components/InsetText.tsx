import type { ReactNode } from 'react';

/** GOV.UK inset text: a quotation or an aside — the policy's own words, for instance. */
export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}
