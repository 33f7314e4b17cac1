import { Link } from './Link';

/** One of the two links: its arrow (the icon's path) and words. */
function PageLink({ direction, href, path, children }: { direction: 'prev' | 'next'; href: string; path: string; children: string }) {
  return (
    <div className={`govuk-pagination__${direction}`}>
      <Link className="govuk-link govuk-pagination__link" href={href} rel={direction}>
        <svg
          className={`govuk-pagination__icon govuk-pagination__icon--${direction}`}
          xmlns="http://www.w3.org/2000/svg"
          height="13"
          width="15"
          aria-hidden="true"
          focusable="false"
          viewBox="0 0 15 13"
        >
          <path d={path} />
        </svg>
        <span className="govuk-pagination__link-title">{children}</span>
      </Link>
    </div>
  );
}

/**
 * GOV.UK pagination, "previous and next" form: the API's lists are cursor-paginated (nextCursor),
 * so there are no page numbers. `previous`/`next`: where they go, or none.
 */
export function Pagination({ previous, next }: { previous?: string; next?: string }) {
  if (!previous && !next) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pagination">
      {previous && (
        <PageLink
          direction="prev"
          href={previous}
          path="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"
        >
          Previous page
        </PageLink>
      )}
      {next && (
        <PageLink
          direction="next"
          href={next}
          path="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"
        >
          Next page
        </PageLink>
      )}
    </nav>
  );
}
