import { Link } from './Link';

/** GOV.UK back link: above the page's content, outside <main>'s heading. */
export function BackLink({ href, children = 'Back' }: { href: string; children?: string }) {
  return (
    <Link href={href} className="govuk-back-link">
      {children}
    </Link>
  );
}
