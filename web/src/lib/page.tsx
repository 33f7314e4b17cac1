import { useEffect, useRef, type ReactNode } from 'react';

export const SERVICE_NAME = 'Social media casework';

/** Whether the person has pressed a key or clicked yet: until then (the first load, its redirects) focus stays where the browser put it. */
let interacted = false;
for (const type of ['keydown', 'pointerdown']) {
  document.addEventListener(type, () => (interacted = true), { capture: true, once: true });
}

/**
 * Every page: sets the title ("<title> – Social media casework": no case content beyond its
 * reference) and, once the person has started using the page, moves focus to each new page's <h1>
 * so screen readers announce it (the first page load leaves focus where the browser puts it).
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
    if (interacted) h1.current?.focus();
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

/** A confirmation that replaces a form takes focus (the button pressed is gone), so it is read out. */
export function Confirmation({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1}>
      {children}
    </div>
  );
}
