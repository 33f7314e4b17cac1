import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link } from './Link';
import { cx } from './classes';

type Variant = 'primary' | 'secondary' | 'warning' | 'inverse';

const variantClass = (variant: Variant) => (variant === 'primary' ? undefined : `govuk-button--${variant}`);

/** GOV.UK button. `type` defaults to "submit" in a form, as the browser's does; pass "button" for anything else. */
export function Button({
  variant = 'primary',
  className,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; children: ReactNode }) {
  return (
    <button className={cx('govuk-button', variantClass(variant), className)} data-module="govuk-button" {...rest}>
      {children}
    </button>
  );
}

/** A link that looks like a button (GOV.UK: "use a link for navigation"), e.g. "Start" or "Cancel" to another page. */
export function ButtonLink({ href, variant = 'primary', children }: { href: string; variant?: Variant; children: ReactNode }) {
  return (
    <Link href={href} role="button" draggable={false} className={cx('govuk-button', variantClass(variant))} data-module="govuk-button">
      {children}
    </Link>
  );
}

/** GOV.UK button group: a button and its secondary actions side by side. */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
