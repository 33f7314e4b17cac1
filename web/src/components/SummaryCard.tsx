import type { ReactNode } from 'react';
import { Link } from './Link';

/**
 * GOV.UK summary card: a summary list (or anything) under a title — one allegation, one report,
 * one appeal of a case. `actions`: links beside the title; each says which card it is for, for
 * screen readers.
 */
export function SummaryCard({
  title,
  headingLevel = 3,
  actions = [],
  children,
}: {
  title: ReactNode;
  headingLevel?: 2 | 3 | 4;
  actions?: { text: string; href: string }[];
  children: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  const link = (action: { text: string; href: string }) => (
    <Link href={action.href}>
      {action.text}
      <span className="govuk-visually-hidden"> ({title})</span>
    </Link>
  );
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{title}</Heading>
        {actions.length === 1 && <div className="govuk-summary-card__actions">{link(actions[0])}</div>}
        {actions.length > 1 && (
          <ul className="govuk-summary-card__actions">
            {actions.map((action) => (
              <li key={action.href} className="govuk-summary-card__action">
                {link(action)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}
