import { useEffect, useRef, type MouseEvent } from 'react';
import type { SummaryError } from '../api/problem';

/**
 * GOV.UK error summary: at the top of the form, focused when it appears (or changes), each error
 * linking to its field; following a link focuses the field (and brings its label or legend into view).
 */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: SummaryError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  const follow = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    const input = document.getElementById(href.slice(1));
    if (!input) return;
    event.preventDefault();
    const legendOrLabel = input.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${input.id}"]`);
    (legendOrLabel ?? input).scrollIntoView();
    input.focus({ preventScroll: true });
  };
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error, i) => (
              <li key={i}>
                {error.href ? (
                  <a href={error.href} onClick={(event) => follow(event, error.href!)}>
                    {error.text}
                  </a>
                ) : (
                  error.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
