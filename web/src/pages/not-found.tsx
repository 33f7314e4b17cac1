import { Link } from '../components/Link';
import { Page } from '../lib/page';

/**
 * "Page not found" — for a wrong address, and for anything the API answers 404: a case that does
 * not exist and a case this person may not see look the same, as the API makes them look.
 */
export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        <Link href="/">Go to your work</Link>
      </p>
    </Page>
  );
}
