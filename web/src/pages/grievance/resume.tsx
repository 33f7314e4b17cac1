import { useState } from 'react';
import { api } from '../../api/client';
import { Button, ButtonGroup, ErrorSummary, Link, Panel, SummaryList } from '../../components';
import { formatDateTime } from '../../lib/format';
import { useApiForm } from '../../lib/use-api-form';
import { GRIEVANCE_OUTCOME_NAMES, grievanceTitle } from '../cases/grievances';
import { Confirmation, DecisionPage, NotYours, offers, WithCase, type Case } from '../decisions/common';

const TITLE = 'Resume the process';

/**
 * Resuming the paused disciplinary process (process.md §4; POST /cases/:id/resume,
 * docs/grievances.md): a confirmation of what was paused, since when, why, and how the grievance
 * was decided, with one button. Only once that grievance is decided — the API's to say (409
 * grievance_undecided, shown in its words).
 */
export function ResumePage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Resume found={found} />}</WithCase>;
}

function Resume({ found }: { found: Case }) {
  const [resumed, setResumed] = useState<Case | null>(null);
  const form = useApiForm({});
  const send = form.submit(() => api.POST('/cases/{id}/resume', { params: { path: { id: found.id } } }), setResumed);
  if (resumed) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <Confirmation>
          <Panel title="Process resumed">Case {found.reference}</Panel>
        </Confirmation>
        {resumed.guidance && <p className="govuk-body">What happens next: {resumed.guidance.nextStep.description}</p>}
        <p className="govuk-body">
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </p>
      </DecisionPage>
    );
  }
  const paused = found.paused;
  if (!paused || !offers(found, 'resume_process')) {
    return (
      <DecisionPage found={found} title={TITLE}>
        {!paused && <p className="govuk-body">The disciplinary process of this case is not paused.</p>}
        <NotYours found={found} what="resume the process" />
      </DecisionPage>
    );
  }
  const i = found.grievances.findIndex((g) => g.id === paused.grievanceId);
  const decision = found.grievances[i]?.decision;
  return (
    <DecisionPage found={found} title={TITLE} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      <SummaryList
        rows={[
          { key: 'Paused since', value: formatDateTime(paused.since) },
          { key: 'Why', value: paused.reason ?? 'Not shown to you' },
          ...(i >= 0 ? [{ key: 'For', value: grievanceTitle(found, i) }] : []),
          {
            key: 'The grievance’s decision',
            value: decision ? `${GRIEVANCE_OUTCOME_NAMES[decision.outcome] ?? decision.outcome}, ${formatDateTime(decision.decidedAt)}` : 'Not decided yet',
          },
        ]}
      />
      <p className="govuk-body">Once resumed, the case moves on from where it was paused.</p>
      <form onSubmit={send} noValidate>
        <ButtonGroup>
          <Button disabled={form.submitting}>Resume the process</Button>
          <Link href={`/cases/${found.id}`}>Cancel</Link>
        </ButtonGroup>
      </form>
    </DecisionPage>
  );
}
