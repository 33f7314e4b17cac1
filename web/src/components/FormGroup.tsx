import type { ReactNode } from 'react';
import { cx } from './classes';

/** GOV.UK form group: one question; red bar beside it when it has an error. */
export function FormGroup({ error, children, className }: { error?: boolean; children: ReactNode; className?: string }) {
  return <div className={cx('govuk-form-group', error && 'govuk-form-group--error', className)}>{children}</div>;
}
