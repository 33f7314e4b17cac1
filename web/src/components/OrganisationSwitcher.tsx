import { Link } from './Link';

/**
 * MOJ organisation switcher: the organisation the person is acting for, and a link to change it
 * (for people who belong to more than one: a trust's HR officer, a governor of two schools).
 */
export function OrganisationSwitcher({
  organisationName,
  href,
  linkText = 'Change organisation',
}: {
  organisationName: string;
  href: string;
  linkText?: string;
}) {
  return (
    <div className="govuk-width-container">
      <div className="moj-organisation-nav" data-testid="organisation-switcher">
        <p className="moj-organisation-nav__title govuk-!-margin-0">{organisationName}</p>
        <Link href={href} className="moj-organisation-nav__link">
          {linkText}
        </Link>
      </div>
    </div>
  );
}
