import type { ReactNode } from 'react';
import { cx } from './classes';

/** GOV.UK hint text (the field's aria-describedby names `id`); `className` for a radio's or checkbox's item hint. */
export function Hint({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  return (
    <div id={id} className={cx('govuk-hint', className)}>
      {children}
    </div>
  );
}
