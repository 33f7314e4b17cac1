import type { Problem } from '../api/problem';
import { Link } from '../components/Link';
import { Page } from '../lib/page';
import { NotFoundPage } from './not-found';

/** What a page shows when loading it failed: "not found" for a 404, otherwise what the API said. */
export function ProblemPage({ problem }: { problem: Problem }) {
  if (problem.status === 404) return <NotFoundPage />;
  const title = problem.status === 403 ? 'You cannot see this page' : 'Sorry, there is a problem with the service';
  return (
    <Page title={title}>
      <p className="govuk-body">{problem.detail}</p>
      <p className="govuk-body">
        <Link href="/">Go to your work</Link>
      </p>
    </Page>
  );
}
