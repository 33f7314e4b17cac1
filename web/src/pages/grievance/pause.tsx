import { useState } from 'react';
import { api } from '../../api/client';
import { Button, ButtonGroup, ErrorSummary, Link, Panel, Radios, SummaryCard, SummaryList, Textarea } from '../../components';
import { useApiForm } from '../../lib/use-api-form';
import { grievanceRows, grievanceTitle } from '../cases/grievances';
import { Confirmation, DecisionPage, NotYours, offers, WithCase, type Case } from '../decisions/common';

const TITLE = 'Pause the process for a grievance';
const FIELDS = { grievanceId: 'grievance-id', reason: 'reason' };
const LABELS = { grievanceId: 'Grievance', reason: 'Why the process is paused' };

/**
 * Pausing the disciplinary process until a grievance about it is decided (process.md §4; POST
 * /cases/:id/pause, docs/grievances.md): the person deciding the case chooses the grievance (when
 * several about the process wait) and says why. While paused, the case's status does not change;
 * which grievances qualify, and whether the process may be paused now, is the API's to say.
 */
export function PausePage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Pause found={found} />}</WithCase>;
}

function Pause({ found }: { found: Case }) {
  const [paused, setPaused] = useState<Case | null>(null);
  if (paused) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <Confirmation>
          <Panel title="Process paused">Case {found.reference}</Panel>
        </Confirmation>
        <p className="govuk-body">
          The case’s status does not change until the grievance is decided by a headteacher or governor who took no part in the case, and you resume the
          process.
        </p>
        <p className="govuk-body">
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </p>
      </DecisionPage>
    );
  }
  if (!offers(found, 'pause_process')) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <NotYours found={found} what="pause the process" />
      </DecisionPage>
    );
  }
  return <PauseForm found={found} onDone={setPaused} />;
}

function PauseForm({ found, onDone }: { found: Case; onDone: (answer: Case) => void }) {
  // the grievances about the process still waiting: the API refuses any other (400 grievanceId), and says so beside the choice
  const waiting = found.grievances.filter((g) => g.relatedToProcess && g.decision === null);
  const number = (id: string) => found.grievances.findIndex((g) => g.id === id);
  const [chosen, setChosen] = useState<string | undefined>(waiting.length === 1 ? waiting[0].id : undefined);
  const [reason, setReason] = useState('');
  const form = useApiForm(FIELDS, LABELS);
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/pause', {
        params: { path: { id: found.id } },
        // unset answers go as they are: the API's 400 names them, and the page shows it beside the field
        body: { grievanceId: chosen as string, reason },
      }),
    onDone,
  );
  return (
    <DecisionPage found={found} title={TITLE} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      <p className="govuk-body">
        Process.md §4 and policy §6: where a grievance is about the disciplinary process itself, the person deciding the case may pause the process until the
        grievance is decided. Nothing on the case moves on while it is paused: not the report, the outcome, nor closing the case.
      </p>
      <form onSubmit={send} noValidate>
        {waiting.length === 1 ? (
          <>
            <h2 className="govuk-heading-m">The grievance</h2>
            <SummaryList rows={grievanceRows(found, waiting[0])} />
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">The grievances about the process</h2>
            {waiting.map((g) => (
              <SummaryCard key={g.id} title={grievanceTitle(found, number(g.id))}>
                <SummaryList rows={grievanceRows(found, g)} />
              </SummaryCard>
            ))}
            <Radios
              id={FIELDS.grievanceId}
              legend="Which grievance does the process wait for?"
              legendSize="m"
              {...form.choice('grievanceId', chosen, setChosen)}
              items={waiting.map((g) => ({ value: g.id, text: grievanceTitle(found, number(g.id)) }))}
            />
          </>
        )}
        <Textarea
          id={FIELDS.reason}
          label="Why is the process paused?"
          labelSize="m"
          hint="The subject and HR read this on the case; a reporter or witness sees only that the process is paused."
          rows={4}
          {...form.text('reason', reason, setReason)}
        />
        <ButtonGroup>
          <Button disabled={form.submitting}>Pause the process</Button>
          <Link href={`/cases/${found.id}`}>Cancel</Link>
        </ButtonGroup>
      </form>
    </DecisionPage>
  );
}
