import type { FormEvent, ReactNode } from 'react';
import type { components } from '../../api/schema';
import { Button, ButtonGroup, ErrorSummary, Link } from '../../components';
import type { FormErrors } from '../../api/problem';
import { Page } from '../../lib/page';
import { CaseCrumbs } from '../cases/crumbs';

type CaseView = components['schemas']['CaseResponse'];

/**
 * A form about one case (triage, a safeguarding referral): the case's reference as caption and in
 * the title ("Error: " first while the form shows errors), breadcrumbs back to it, the error
 * summary, what the page shows first (`intro`), then the form (`children`: its fields) with its
 * button and "Cancel" back to the case.
 */
export function CaseFormPage({
  view,
  title,
  heading,
  form,
  onSubmit,
  submitText,
  intro,
  children,
}: {
  view: Pick<CaseView, 'id' | 'reference'>;
  title: string;
  heading: string;
  form: { errors: FormErrors; submitting: boolean };
  onSubmit: (event: FormEvent) => void;
  submitText: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <Page
      title={`${form.errors.summary.length ? 'Error: ' : ''}${title} – Case ${view.reference}`}
      caption={`Case ${view.reference}`}
      heading={heading}
      before={<CaseCrumbs found={view} />}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors.summary} />
          {intro}
          <form onSubmit={onSubmit} noValidate>
            {children}
            <ButtonGroup>
              <Button disabled={form.submitting}>{submitText}</Button>
              <Link href={`/cases/${view.id}`}>Cancel</Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </Page>
  );
}
