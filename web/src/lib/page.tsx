import { useEffect, useRef, type ReactNode } from 'react';

export const SERVICE_NAME = 'Social media casework';

let firstPage = true;

/**
 * Every page: sets the title ("<title> – Social media casework": no case content beyond its
 * reference) and, after a navigation inside the application, moves focus to the page's <h1> so
 * screen readers announce the new page (the first page load leaves focus where the browser puts it).
 * `before`: a back link or breadcrumbs, above the <h1>.
 */
export function Page({
  title,
  heading,
  caption,
  before,
  children,
}: {
  title: string;
  heading?: ReactNode;
  caption?: string;
  before?: ReactNode;
  children?: ReactNode;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${SERVICE_NAME}`;
  }, [title]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else h1.current?.focus();
  }, []);
  return (
    <>
      {before}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {caption && <span className="govuk-caption-l">{caption}</span>}
          {heading !== null && (
            <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
              {heading ?? title}
            </h1>
          )}
        </div>
      </div>
      {children}
    </>
  );
}
