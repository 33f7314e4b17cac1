import { type ReactNode } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { DateInput, InsetText, Link, Radios, SummaryList, WarningText, type DateParts } from '../../components';
import { policyItems, type Policy } from '../../lib/policy-words';
import type { CaseAction } from '../../lib/case-actions';
import { ROLE_NAMES, STATUS_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { WhenLoaded } from '../../lib/loaded';
import { CaseCrumbs } from '../cases/crumbs';

export type Case = components['schemas']['CaseResponse'];
export type Guidance = components['schemas']['CaseGuidanceResponse'];
export type Sanction = components['schemas']['OutcomeRequest']['sanction'];

/** How the reader is involved in the case (guidance.involvement), in words. */
const INVOLVEMENT_WORDS: Record<Guidance['involvement'][number], string> = {
  subject: 'you are a subject of this case',
  reporter: 'you reported what this case is about',
  witness: 'you are a witness in this case',
  investigator: 'you have been appointed investigating manager of this case',
  outcome_decider: 'you decided the outcome of this case',
};

/** Who takes decisions on the case (CaseResponse.decisionMakerRole), in words. */
const DECIDER_WORDS: Record<NonNullable<Case['decisionMakerRole']>, string> = {
  headteacher: 'a headteacher who is not conflicted on it',
  governor: 'the governors, acting for the headteacher: every headteacher is conflicted on it',
};

/** GET /cases/:id, again whenever `version` changes (after a change, for instance). */
export function useCase(id: string, version = 0) {
  return useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id, version]);
}

/**
 * A decision screen on one case: loads it (a 404 is "Page not found", exactly as the API answers:
 * missing or not visible to this person), then renders `children` with it.
 */
export function WithCase({ id, version, children }: { id: string; version?: number; children: (found: Case) => ReactNode }) {
  return <WhenLoaded loaded={useCase(id, version)}>{children}</WhenLoaded>;
}

/** A decision screen's page: the case's reference as caption and in the title (nothing else of the case), breadcrumbs back to it. */
export function DecisionPage({ found, title, error, wide, children }: { found: Case; title: string; error?: boolean; wide?: boolean; children: ReactNode }) {
  return (
    <Page
      title={`${error ? 'Error: ' : ''}${title}: case ${found.reference}`}
      caption={`Case ${found.reference}`}
      heading={title}
      before={<CaseCrumbs found={found} />}
    >
      <div className="govuk-grid-row">
        <div className={wide ? 'govuk-grid-column-full' : 'govuk-grid-column-two-thirds'}>{children}</div>
      </div>
    </Page>
  );
}

/** Whether the API offers this reader the action on the case now (guidance.actions): the API decides, the page only asks it. */
export const offers = (found: Case, action: CaseAction): boolean => found.guidance?.actions.includes(action) ?? false;

/**
 * Why the reader cannot do this here, in the API's words: how they are involved (their own
 * conflicts), who takes decisions on the case (decisionMakerRole), what nobody can do
 * (decisionBlocked), and the case's next step and who takes it (guidance.nextStep).
 */
export function NotYours({ found, what }: { found: Case; what: string }) {
  const guidance = found.guidance;
  const involvement = guidance?.involvement ?? [];
  const next = guidance?.nextStep;
  return (
    <div data-testid="not-yours">
      <InsetText>
        <p className="govuk-body">You cannot {what} on this case now.</p>
        {involvement.length > 0 && <p className="govuk-body">How you are involved: {involvement.map((i) => INVOLVEMENT_WORDS[i]).join('; ')}.</p>}
      </InsetText>
      {found.decisionBlocked && <WarningText>{found.decisionBlocked}</WarningText>}
      <SummaryList
        rows={[
          { key: 'Status', value: STATUS_NAMES[found.status] ?? found.status },
          {
            key: 'Who decides on this case',
            value: found.decisionMakerRole ? DECIDER_WORDS[found.decisionMakerRole] : 'Nobody in the organisation can at the moment',
          },
          ...(next
            ? [
                { key: 'Next step', value: next.description },
                { key: 'Who takes it', value: next.by ? (ROLE_NAMES[next.by] ?? next.by) : 'Nobody' },
              ]
            : []),
        ]}
      />
      <p className="govuk-body">
        <Link href={`/cases/${found.id}`}>Go to the case</Link>
      </p>
    </div>
  );
}

export { Confirmation } from '../../lib/page';

/** The API's sanctions, as people say them (the policy's own words come from GET /policy). */
export const SANCTION_NAMES: Record<Sanction, string> = {
  no_action: 'No further action',
  informal_action: 'Informal action or management advice',
  first_written_warning: 'First written warning',
  final_written_warning: 'Final written warning',
  dismissal_with_notice: 'Dismissal with notice',
  summary_dismissal: 'Summary dismissal for gross misconduct',
};

export { FINDING_NAMES } from '../../lib/words';

export const APPEAL_RESULT_NAMES: Record<'upheld' | 'varied' | 'dismissed', string> = {
  upheld: 'Upheld',
  varied: 'Varied',
  dismissed: 'Dismissed',
};

/** A decision role as the API records it (decidedByRole), in words. */
export const roleName = (role: string | null | undefined): string => (role ? (ROLE_NAMES[role] ?? role) : '');

/** When a written warning expires (id "warning-expires-at"): a date, the warning lapsing at the end of that day (lib/uk-time.ts ukDayEnd). */
export function WarningExpiryInput({ value, onChange, error }: { value: DateParts; onChange: (value: DateParts) => void; error?: string }) {
  return (
    <DateInput
      id="warning-expires-at"
      legend="When the warning expires (for a written warning)"
      hint="The warning lapses at the end of that day, UK time. For example, 27 3 2027."
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** The sanctions to choose from, each with the policy's own words (id `id`). */
export function SanctionRadios({
  id,
  legend,
  hint,
  policy,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint: string;
  policy: Policy | undefined;
  value: Sanction | undefined;
  onChange: (value: Sanction) => void;
  error?: string;
}) {
  return (
    <Radios
      id={id}
      legend={legend}
      legendSize="s"
      hint={hint}
      value={value}
      onChange={(chosen) => onChange(chosen as Sanction)}
      error={error}
      items={policyItems(policy?.sanctions, SANCTION_NAMES)}
    />
  );
}
