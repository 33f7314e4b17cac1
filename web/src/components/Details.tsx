import type { ReactNode } from 'react';

/** GOV.UK details: help most people do not need, behind a summary line (native <details>: no script). */
export function Details({ summary, children, open }: { summary: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
