import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Button, ErrorSummary, Link, Panel, Radios } from '../../components';
import { formatDateTime } from '../../lib/format';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { Loading } from '../../lib/loaded';
import { Confirmation, DecisionPage, NotYours, offers, WithCase, type Case } from './common';

type Manager = components['schemas']['InvestigatingManagerResponse'];

const TITLE = 'Appoint an investigating manager';

/**
 * Appointing the investigating manager (§4; POST /cases/:id/assign), by the headteacher or the
 * governors standing in. The people offered are the organisation's investigating managers (GET
 * /people/investigating-managers); whether one may investigate this case is the API's to say: a
 * conflict of interest comes back as its 409, in its words, in the error summary.
 */
export function AssignPage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Assign found={found} />}</WithCase>;
}

function Assign({ found }: { found: Case }) {
  const [appointed, setAppointed] = useState<string | null>(null);
  if (appointed) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <Confirmation>
          <Panel title="Investigating manager appointed">{appointed}</Panel>
        </Confirmation>
        <p className="govuk-body">
          They can now see the case and establish the facts (§4). They are told in the service (and by e-mail, as they chose), and the case is in their tasks.
        </p>
        <p className="govuk-body">
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </p>
      </DecisionPage>
    );
  }
  if (!offers(found, 'assign')) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <NotYours found={found} what="appoint an investigating manager" />
      </DecisionPage>
    );
  }
  return <AssignForm found={found} onDone={setAppointed} />;
}

function AssignForm({ found, onDone }: { found: Case; onDone: (name: string) => void }) {
  const managers = useLoad(() => api.GET('/people/investigating-managers', { params: { query: { limit: 200 } } }), []);
  const [chosen, setChosen] = useState<string>();
  const form = useApiForm({ investigatorUserId: 'investigator' }, { investigatorUserId: 'Investigating manager' });
  const list: Manager[] = managers.state === 'loaded' ? [...managers.data.items].sort((a, b) => a.name.localeCompare(b.name)) : [];
  const nameOf = (userId: string | null) => list.find((m) => m.userId === userId)?.name;
  const current = found.assignments.find((a) => a.endedAt === null);

  const send = form.submit(
    // nothing chosen: the API's 400 names investigatorUserId, and the page shows it beside the radios
    () => api.POST('/cases/{id}/assign', { params: { path: { id: found.id } }, body: { investigatorUserId: chosen as string } }),
    () => onDone(nameOf(chosen ?? null) ?? 'Appointed'),
  );

  return (
    <DecisionPage found={found} title={TITLE} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      {current && (
        <p className="govuk-body" data-testid="current-investigator">
          Appointed now: <strong>{nameOf(current.investigatorUserId) ?? 'an investigating manager'}</strong>, since {formatDateTime(current.assignedAt)}.
          Appointing someone else ends their appointment at once.
        </p>
      )}
      {managers.state === 'loading' && <Loading />}
      {managers.state === 'failed' && <p className="govuk-body">{managers.problem.detail}</p>}
      {managers.state === 'loaded' && (
        <form onSubmit={send} noValidate>
          {list.length ? (
            <Radios
              id="investigator"
              legend="Who will investigate?"
              legendSize="m"
              hint="Managers investigating must establish the facts of the matter and present all information obtained in a fair and unbiased way (§4)."
              {...form.choice('investigatorUserId', chosen, setChosen)}
              items={list.map((m) => ({
                value: m.userId,
                text: m.userId === current?.investigatorUserId ? `${m.name} (appointed now)` : m.name,
                hint: (
                  <>
                    {m.jobTitle && `${m.jobTitle}, `}
                    {/* an e-mail address may break before its @ on a narrow screen */}
                    {m.email.split('@')[0]}
                    <wbr />@{m.email.split('@').slice(1).join('@')}
                  </>
                ),
              }))}
            />
          ) : (
            <p className="govuk-body">There is nobody with the investigating manager role. An administrator can give the role to someone.</p>
          )}
          <Button disabled={form.submitting}>Appoint</Button>
        </form>
      )}
    </DecisionPage>
  );
}
