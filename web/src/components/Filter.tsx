import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button';
import { Link } from './Link';

export interface SelectedFilters {
  clearHref: string;
  categories: { heading: string; items: { text: string; href: string }[] }[];
}

/**
 * MOJ filter: the chosen filters (each a link that removes it) and the options, in a form the
 * screen handles (`onApply`: read the form, put the filters in the URL's query, load the list).
 */
export function Filter({
  selected,
  onApply,
  children,
  heading = 'Filter',
}: {
  selected?: SelectedFilters;
  onApply: (form: HTMLFormElement) => void;
  children: ReactNode;
  heading?: string;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(event.currentTarget);
  };
  const chosen = selected?.categories.filter((category) => category.items.length) ?? [];
  return (
    <div className="moj-filter" data-module="moj-filter">
      <div className="moj-filter__header">
        <div className="moj-filter__header-title">
          <h2 className="govuk-heading-m">{heading}</h2>
        </div>
        <div className="moj-filter__header-action" />
      </div>
      <div className="moj-filter__content">
        {selected && chosen.length > 0 && (
          <div className="moj-filter__selected">
            <div className="moj-filter__selected-heading">
              <div className="moj-filter__heading-title">
                <h2 className="govuk-heading-m">Selected filters</h2>
              </div>
              <div className="moj-filter__heading-action">
                <p>
                  <Link className="govuk-link govuk-link--no-visited-state" href={selected.clearHref}>
                    Clear filters
                  </Link>
                </p>
              </div>
            </div>
            {chosen.map((category) => (
              <div key={category.heading}>
                <h3 className="govuk-heading-s govuk-!-margin-bottom-0">{category.heading}</h3>
                <ul className="moj-filter-tags">
                  {category.items.map((item) => (
                    <li key={item.href}>
                      <Link className="moj-filter__tag" href={item.href}>
                        <span className="govuk-visually-hidden">Remove this filter</span> {item.text}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
        <form className="moj-filter__options" onSubmit={submit} noValidate>
          <Button>Apply filters</Button>
          {children}
        </form>
      </div>
    </div>
  );
}

/** MOJ filter layout: the filter beside the results (stacked on a narrow screen). */
export function FilterLayout({ filter, children }: { filter: ReactNode; children: ReactNode }) {
  return (
    <div className="moj-filter-layout">
      <div className="moj-filter-layout__filter">{filter}</div>
      <div className="moj-filter-layout__content">{children}</div>
    </div>
  );
}
