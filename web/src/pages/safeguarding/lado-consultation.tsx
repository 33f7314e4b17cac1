import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { DateInput, Input, Radios, Select, SummaryList, Table, Tag, Textarea, type DateParts } from '../../components';
import { formatDateTime, ROLE_NAMES } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { DATE_TIME_HINT, ukDateTime, ukParts } from '../../lib/uk-time';
import { CaseFormPage } from '../reports/common';

/**
 * A LADO consultation (POST /cases/:id/lado-consultations; KCSIE Part 4, docs/kcsie.md): when,
 * with whom, the advice, whether the harm threshold is met, and the case manager. The case
 * manager is chosen from GET /people/case-managers (the active headteachers, deputy heads and
 * governors, for everyone who may record the consultation). Whether the one chosen may be case
 * manager of this case is the API's to say.
 */
export function LadoConsultationPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  const managers = useLoad(() => api.GET('/people/case-managers', { params: { query: { limit: 100 } } }), []);
  const [consultedAt, setConsultedAt] = useState<DateParts>(() => ukParts());
  const [ladoName, setLadoName] = useState('');
  const [advice, setAdvice] = useState('');
  const [threshold, setThreshold] = useState<'yes' | 'no'>();
  const [caseManager, setCaseManager] = useState('');
  const form = useApiForm(
    { consultedAt: 'consulted-at', ladoName: 'lado-name', advice: 'advice', thresholdMet: 'threshold-met', caseManagerUserId: 'case-manager' },
    { consultedAt: 'When', ladoName: 'The LADO', advice: 'Advice', thresholdMet: 'Threshold', caseManagerUserId: 'Case manager' },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/lado-consultations', {
        params: { path: { id } },
        // unset answers go as they are: the API's 400 names them, and the page shows it beside the field
        body: {
          consultedAt: ukDateTime(consultedAt) as string,
          ladoName,
          advice,
          thresholdMet: (threshold === undefined ? undefined : threshold === 'yes') as boolean,
          caseManagerUserId: caseManager || (undefined as unknown as string),
        },
      }),
    () => navigate(`/cases/${id}?done=lado`),
  );
  const people = managers.state === 'loaded' ? managers.data.items : [];

  return (
    <WhenLoaded loaded={loaded}>
      {(view) => (
        <CaseFormPage
          view={view}
          title="LADO consultation"
          heading="Record a LADO consultation"
          form={form}
          onSubmit={send}
          submitText="Record the consultation"
          intro={
            <>
              <p className="govuk-body">
                Keeping Children Safe in Education, Part 4: when an allegation may mean harm to a child, the local authority designated officer (LADO) is
                consulted within one working day of the report. A late consultation is recorded all the same, and shown as late.
              </p>
              <SummaryList
                rows={[
                  {
                    key: 'Consult the LADO by',
                    value: view.kcsie.lado.dueBy ? (
                      <span data-testid="lado-due">
                        {formatDateTime(view.kcsie.lado.dueBy)}{' '}
                        {view.kcsie.lado.overdue ? (
                          <Tag colour="red">Overdue</Tag>
                        ) : view.kcsie.lado.consultations.length ? (
                          <Tag colour="green">Consulted</Tag>
                        ) : (
                          <Tag colour="yellow">Not consulted yet</Tag>
                        )}
                      </span>
                    ) : (
                      'No deadline: the case is not a safeguarding matter (a consultation makes it one)'
                    ),
                  },
                ]}
              />
              {view.kcsie.lado.consultations.length > 0 && (
                <Table
                  caption="Consultations recorded"
                  captionSize="s"
                  rows={view.kcsie.lado.consultations}
                  rowKey={(c) => c.id}
                  columns={[
                    { header: 'The LADO', cell: (c) => c.ladoName },
                    {
                      header: 'When',
                      cell: (c) => (
                        <>
                          {formatDateTime(c.consultedAt)}
                          {c.late && (
                            <>
                              {' '}
                              <Tag colour="red">Late</Tag>
                            </>
                          )}
                        </>
                      ),
                    },
                    { header: 'Threshold met', cell: (c) => (c.thresholdMet ? 'Yes' : 'No') },
                  ]}
                />
              )}
            </>
          }
        >
          <DateInput
            id="consulted-at"
            legend="When was the LADO consulted?"
            legendSize="m"
            hint={DATE_TIME_HINT}
            withTime
            {...form.field('consultedAt', consultedAt, setConsultedAt)}
          />
          <Input
            id="lado-name"
            label="The LADO consulted"
            labelSize="m"
            hint="Their name and office, for example J. Smith, LADO, Peterborough City Council"
            {...form.text('ladoName', ladoName, setLadoName)}
          />
          <Textarea id="advice" label="The LADO’s advice" labelSize="m" rows={6} {...form.text('advice', advice, setAdvice)} />
          <Radios
            id="threshold-met"
            legend="Did the LADO judge the harm threshold met?"
            legendSize="m"
            inline
            {...form.choice('thresholdMet', threshold, setThreshold)}
            items={[
              { value: 'yes', text: 'Yes' },
              { value: 'no', text: 'No' },
            ]}
          />
          <Select
            id="case-manager"
            label="Case manager"
            labelSize="m"
            hint={
              managers.state === 'failed'
                ? `Who may be case manager: ${managers.problem.detail}`
                : 'Usually the headteacher; a governor where the headteacher cannot be. Not a party to the case.'
            }
            options={[
              { value: '', text: 'Choose the case manager' },
              ...people.map((p) => ({ value: p.userId, text: `${p.name} (${p.roles.map((role) => ROLE_NAMES[role]).join(', ')})` })),
            ]}
            {...form.text('caseManagerUserId', caseManager, setCaseManager)}
          />
        </CaseFormPage>
      )}
    </WhenLoaded>
  );
}
