import { Link } from './Link';

/** GOV.UK breadcrumbs: where this page sits (Your work › Case SMP-2026-0007). The current page is not a crumb. */
export function Breadcrumbs({ items }: { items: { text: string; href: string }[] }) {
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li key={item.href} className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" href={item.href}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
