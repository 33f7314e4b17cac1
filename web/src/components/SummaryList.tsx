import type { ReactNode } from 'react';
import { Link } from './Link';
import { cx } from './classes';

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  /** "Change" and the like; `visuallyHidden` says what it changes, for screen readers */
  actions?: { text: string; href: string; visuallyHidden?: string }[];
}

/** GOV.UK summary list: key–value rows, e.g. a case's facts or "check your answers". */
export function SummaryList({ rows, noBorder = false }: { rows: SummaryRow[]; noBorder?: boolean }) {
  const anyActions = rows.some((row) => row.actions?.length);
  return (
    <dl className={cx('govuk-summary-list', noBorder && 'govuk-summary-list--no-border')}>
      {rows.map((row, i) => (
        <div key={i} className={cx('govuk-summary-list__row', anyActions && !row.actions?.length && 'govuk-summary-list__row--no-actions')}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.actions?.length ? (
            <dd className="govuk-summary-list__actions">
              {row.actions.map((action) => (
                <Link key={action.href} href={action.href}>
                  {action.text}
                  {action.visuallyHidden && <span className="govuk-visually-hidden"> {action.visuallyHidden}</span>}
                </Link>
              ))}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
