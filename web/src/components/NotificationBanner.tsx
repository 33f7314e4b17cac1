import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cx } from './classes';

/**
 * GOV.UK notification banner. `success` (after an action; focused so it is announced, as
 * GOV.UK's script does) or important information (the default, not focused).
 */
export function NotificationBanner({
  success = false,
  title,
  heading,
  children,
}: {
  success?: boolean;
  title?: string;
  heading?: ReactNode;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // one id per banner: a page may show two (a success and a paused process), and ids must be unique (WCAG 4.1.1)
  const titleId = `govuk-notification-banner-title-${useId().replace(/:/g, '')}`;
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success]);
  return (
    <div
      ref={ref}
      className={cx('govuk-notification-banner', success && 'govuk-notification-banner--success')}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={success ? -1 : undefined}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading && <p className="govuk-notification-banner__heading">{heading}</p>}
        {children}
      </div>
    </div>
  );
}
