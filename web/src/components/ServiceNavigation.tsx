import type { ReactNode } from 'react';
import { Link } from './Link';
import { cx } from './classes';

export interface NavigationItem {
  text: string;
  href: string;
  /** the page is this item (aria-current="page") */
  current?: boolean;
  /** the page is within this item's section (aria-current="true") */
  active?: boolean;
}

/**
 * GOV.UK service navigation: the service's name and its main sections. `end`: content at the end
 * of the bar (the sign-out button), shown also with no items. The list does not collapse behind a
 * menu button (it is short).
 */
export function ServiceNavigation({
  serviceName,
  serviceHref,
  items = [],
  end,
}: {
  serviceName: string;
  serviceHref?: string;
  items?: NavigationItem[];
  end?: ReactNode;
}) {
  return (
    <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            {serviceHref ? (
              <Link href={serviceHref} className="govuk-service-navigation__link">
                {serviceName}
              </Link>
            ) : (
              <span className="govuk-service-navigation__text">{serviceName}</span>
            )}
          </span>
          {(items.length > 0 || end) && (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {items.map((item) => {
                  const selected = item.current || item.active;
                  return (
                    <li key={item.href} className={cx('govuk-service-navigation__item', selected && 'govuk-service-navigation__item--active')}>
                      <Link href={item.href} className="govuk-service-navigation__link" aria-current={item.current ? 'page' : item.active ? 'true' : undefined}>
                        {selected ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                      </Link>
                    </li>
                  );
                })}
                {end && <li className="govuk-service-navigation__item">{end}</li>}
              </ul>
            </nav>
          )}
        </div>
      </div>
    </section>
  );
}
