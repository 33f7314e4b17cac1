import type { MouseEvent } from 'react';

/** GOV.UK skip link: the first thing a keyboard reaches; moves focus to the main content. */
export function SkipLink({ href = '#main-content', children = 'Skip to main content' }: { href?: string; children?: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    target.setAttribute('tabindex', '-1');
    target.focus();
  };
  return (
    <a href={href} className="govuk-skip-link" data-module="govuk-skip-link" onClick={skip}>
      {children}
    </a>
  );
}
