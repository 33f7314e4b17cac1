import { Link } from './Link';

/**
 * GOV.UK generic header (for services that are not on GOV.UK: no crown, no GOV.UK logo): the
 * organisation's name, linking home. The service's name is in ServiceNavigation below it.
 */
export function Header({ organisationName, homeHref = '/' }: { organisationName: string; homeHref?: string }) {
  return (
    <header className="govuk-generic-header" data-testid="header">
      <div className="govuk-generic-header__container govuk-width-container">
        <div className="govuk-generic-header__logo">
          <Link href={homeHref} className="govuk-generic-header__homepage-link">
            {organisationName}
          </Link>
        </div>
      </div>
    </header>
  );
}
