import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/format';

export interface TimelineItem {
  key: string;
  label: string;
  byline?: string;
  /** ISO date-time */
  at: string;
  description?: ReactNode;
}

/** MOJ timeline: what happened, newest first as given (a case's history from the audit log). */
export function Timeline({ items, headingLevel = 2 }: { items: TimelineItem[]; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="moj-timeline">
      {items.map((item) => (
        <div key={item.key} className="moj-timeline__item">
          <div className="moj-timeline__header">
            <Heading className="moj-timeline__title">{item.label}</Heading> {item.byline && <p className="moj-timeline__byline">by {item.byline}</p>}
          </div>
          <p className="moj-timeline__date">
            <time dateTime={item.at}>{formatDateTime(item.at)}</time>
          </p>
          {item.description && <div className="moj-timeline__description">{item.description}</div>}
        </div>
      ))}
    </div>
  );
}
