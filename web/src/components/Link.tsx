import type { AnchorHTMLAttributes } from 'react';
import { Link as RouterLink } from 'wouter';

/**
 * A link inside the application (href relative to /app, e.g. "/account/password"): the router
 * navigates without reloading; the browser still sees a real <a href>. Default class govuk-link.
 */
export function Link({ href, className = 'govuk-link', ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <RouterLink href={href} className={className} {...rest} />;
}
