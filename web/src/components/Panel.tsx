import type { ReactNode } from 'react';

/** GOV.UK panel: the confirmation at the end of a transaction ("Report logged — reference SMP-2026-0007"). */
export function Panel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title">{title}</h1>
      {children && <div className="govuk-panel__body">{children}</div>}
    </div>
  );
}
