import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import {
  Breadcrumbs,
  Button,
  DateInput,
  EMPTY_DATE_TIME,
  ErrorSummary,
  InsetText,
  Link,
  Panel,
  SummaryList,
  Textarea,
  toApiDate,
  type DateParts,
} from '../../components';
import { formatDateTime } from '../../lib/format';
import { Confirmation, Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { SANCTION_NAMES } from './words';
import { WhenLoaded } from '../../lib/loaded';

type Case = components['schemas']['CaseResponse'];

const FIELDS = { lodgedAt: 'lodged-at', grounds: 'grounds', lateEntryReason: 'late-entry-reason' };
const LABELS = { lodgedAt: 'When the appeal was received', grounds: 'Grounds of appeal', lateEntryReason: 'Why it is entered late' };

/**
 * Lodging an appeal against the outcome (POST /cases/:id/appeals; §12: the right of appeal and
 * its deadline). The API decides whether it is in time: an appeal received by the deadline but
 * entered after it needs a late-entry reason, and the API's 400 names that field — then, and only
 * then, the page asks for it.
 */
export function LodgeAppealPage({ id }: { id: string }) {
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  return <WhenLoaded loaded={loaded}>{(data) => <AppealForm found={data} />}</WhenLoaded>;
}

function AppealForm({ found }: { found: Case }) {
  const { id, reference, outcome } = found;
  const [lodgedAt, setLodgedAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [grounds, setGrounds] = useState('');
  const [lateEntryReason, setLateEntryReason] = useState('');
  const [askedForReason, setAskedForReason] = useState(false);
  const [lodged, setLodged] = useState(false);
  const form = useApiForm(FIELDS, LABELS);

  const submit = form.submit(
    async () => {
      const answer = await api.POST('/cases/{id}/appeals', {
        params: { path: { id } },
        body: { lodgedAt: toApiDate(lodgedAt, true), grounds, ...(askedForReason ? { lateEntryReason } : {}) },
      });
      // the API asks for a late-entry reason: from now on the form has the field
      if (answer.error?.errors?.some((e) => e.field === 'lateEntryReason')) setAskedForReason(true);
      return answer;
    },
    () => setLodged(true),
  );

  const crumbs = (
    <Breadcrumbs
      items={[
        { text: 'Your work', href: '/' },
        { text: `Case ${reference}`, href: `/cases/${id}` },
      ]}
    />
  );

  if (lodged) {
    return (
      <Page title={`Appeal lodged: case ${reference}`} heading={null} before={crumbs}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <Confirmation>
              <Panel title="Appeal lodged">
                Case <strong>{reference}</strong>
              </Panel>
            </Confirmation>
            <p className="govuk-body">The case now waits for the appeal to be heard by someone who took no part in the decision.</p>
            <p className="govuk-body">
              <Link href={`/cases/${id}`}>Go to the case</Link>
            </p>
          </div>
        </div>
      </Page>
    );
  }

  return (
    <Page
      title={form.errors.summary.length ? `Error: Lodge an appeal: case ${reference}` : `Lodge an appeal: case ${reference}`}
      caption={`Case ${reference}`}
      heading="Lodge an appeal"
      before={crumbs}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors.summary} />
          {outcome ? (
            <SummaryList
              rows={[
                { key: 'Outcome appealed against', value: SANCTION_NAMES[outcome.sanction] },
                { key: 'Decided', value: formatDateTime(outcome.decidedAt) },
                { key: 'Appeal deadline', value: outcome.appealDeadline ? formatDateTime(outcome.appealDeadline) : 'None was set' },
              ]}
            />
          ) : (
            <InsetText>No outcome has been recorded on this case yet.</InsetText>
          )}
          <form onSubmit={submit} noValidate>
            <DateInput
              id="lodged-at"
              legend={LABELS.lodgedAt}
              hint="The date and time, in UK time, the school received the appeal: not when you enter it. For example, 27 3 2026 14 30."
              withTime
              {...form.field('lodgedAt', lodgedAt, setLodgedAt)}
            />
            <Textarea
              id="grounds"
              label={LABELS.grounds}
              hint="What the appeal says, in the person’s words or a faithful summary."
              {...form.text('grounds', grounds, setGrounds)}
            />
            {askedForReason && (
              <Textarea
                id="late-entry-reason"
                label={LABELS.lateEntryReason}
                hint="The appeal deadline has passed since the appeal was received. Say why it is only being entered now: the reason is kept in the audit log."
                {...form.text('lateEntryReason', lateEntryReason, setLateEntryReason)}
              />
            )}
            <Button disabled={form.submitting}>Lodge the appeal</Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
