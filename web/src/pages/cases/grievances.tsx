import { Fragment, type ReactNode } from 'react';
import { NotificationBanner, SummaryCard, SummaryList, Tag, type SummaryRow } from '../../components';
import { formatDateTime } from '../../lib/format';
import type { CaseView } from './words';

type Grievance = CaseView['grievances'][number];
export type GrievanceOutcome = NonNullable<Grievance['decision']>['outcome'];

/** A grievance's outcome (§6), as people say it. */
export const GRIEVANCE_OUTCOME_NAMES: Record<GrievanceOutcome, string> = {
  upheld: 'Upheld',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
};

/** What a withheld grievance says: the API leaves out what it says and the reasons for a reporter or witness (docs/grievances.md). */
const WITHHELD = 'Withheld: as a reporter or witness of this case you see that a grievance exists and how it ended, not what it says.';

function Withheld() {
  return (
    <span data-testid="withheld">
      <Tag colour="grey">Withheld</Tag> <span className="govuk-body">{WITHHELD}</span>
    </span>
  );
}

/** Text as the person typed it, line breaks kept. */
function Text({ children }: { children: string }) {
  return (
    <>
      {children.split(/\r?\n/).map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

const shown = (text: string | null, withheld: boolean): ReactNode =>
  withheld ? <Withheld /> : <Text>{text ?? 'Erased under the retention policy (§13)'}</Text>;

/** Whose grievance it is: the subject's name as the case view gives it. */
export function subjectName(view: CaseView, staffId: string): string {
  return view.subjects.find((s) => s.staffId === staffId)?.name ?? 'A subject of the case';
}

/** One grievance's rows: who lodged it, when, what it says, whether it is about the process, and its decision or "Not decided yet". */
export function grievanceRows(view: CaseView, g: Grievance, byMe: (userId: string | null | undefined) => string = () => ''): SummaryRow[] {
  return [
    ...(view.subjects.length > 1 ? [{ key: 'Lodged by', value: subjectName(view, g.subjectStaffId) }] : []),
    { key: 'Lodged', value: formatDateTime(g.lodgedAt) },
    { key: 'What it says', value: shown(g.summary, g.withheld) },
    { key: 'About the disciplinary process', value: g.relatedToProcess ? 'Yes' : 'No' },
    ...(g.decision
      ? [
          { key: 'Decision', value: <span data-testid="grievance-decision">{GRIEVANCE_OUTCOME_NAMES[g.decision.outcome] ?? g.decision.outcome}</span> },
          { key: 'Reasons', value: shown(g.decision.reasons, g.withheld) },
          { key: 'Decided', value: `${formatDateTime(g.decision.decidedAt)}${byMe(g.decision.decidedByUserId)}` },
        ]
      : [{ key: 'Decision', value: <span data-testid="grievance-decision">Not decided yet</span> }]),
    ...(view.paused?.grievanceId === g.id ? [{ key: 'The disciplinary process', value: 'Paused for this grievance' }] : []),
  ];
}

/** A grievance's title: "Grievance", or "Grievance 2" when there are several. */
export const grievanceTitle = (view: CaseView, i: number): string => (view.grievances.length === 1 ? 'Grievance' : `Grievance ${i + 1}`);

/** The case page's "Grievances (§6)" section: one summary card per grievance, with its decision; none recorded: no section. */
export function GrievanceCards({ view, byMe }: { view: CaseView; byMe: (userId: string | null | undefined) => string }) {
  if (!view.grievances.length) return null;
  return (
    <section aria-labelledby="grievances" className="govuk-!-margin-top-8" data-testid="grievances">
      <h2 className="govuk-heading-m" id="grievances">
        Grievances (§6)
      </h2>
      {view.grievances.map((g, i) => (
        <SummaryCard key={g.id} title={grievanceTitle(view, i)}>
          <SummaryList rows={grievanceRows(view, g, byMe)} />
        </SummaryCard>
      ))}
    </section>
  );
}

/** process.md §4: while the process waits for a grievance, the case page says so, since when and why (as the API gives it: a reporter or witness is not told why). */
export function PausedBanner({ view }: { view: CaseView }) {
  const { paused } = view;
  if (!paused) return null;
  const i = view.grievances.findIndex((g) => g.id === paused.grievanceId);
  return (
    <div data-testid="paused">
      <NotificationBanner heading="The disciplinary process is paused pending a grievance">
        <p className="govuk-body">Since {formatDateTime(paused.since)}.</p>
        <p className="govuk-body">
          {paused.reason === null ? (
            'Why: not shown to you.'
          ) : (
            <>
              Why: <Text>{paused.reason}</Text>
            </>
          )}
        </p>
        {i >= 0 && (
          <p className="govuk-body">
            It waits for the decision on {grievanceTitle(view, i).toLowerCase()}; the case’s status does not change until the process is resumed.
          </p>
        )}
      </NotificationBanner>
    </div>
  );
}
