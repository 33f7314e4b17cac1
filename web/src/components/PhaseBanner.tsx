import type { ReactNode } from 'react';

/** GOV.UK phase banner: "Beta — this is a new service". */
export function PhaseBanner({ phase = 'Beta', children }: { phase?: string; children: ReactNode }) {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{phase}</strong>
        <span className="govuk-phase-banner__text">{children}</span>
      </p>
    </div>
  );
}
