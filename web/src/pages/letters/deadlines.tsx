import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { BackLink, Fieldset, Input } from '../../components';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { SettingsForm } from '../../lib/settings-form';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';

/** The organisation's deadlines (GET/PUT /organisation/deadlines). */
type Deadlines = components['schemas']['DeadlinesDto'];
type Key = keyof Deadlines;

/** The §6 task deadlines, in working days: the organisation's within fixed ranges. */
const TASK_KEYS: Key[] = ['triageWorkingDays', 'investigationWorkingDays', 'appealHearingWorkingDays', 'monitoringExpiryNoticeWorkingDays'];
/** The fair-process settings: within the service's limits, never below its minimum notice and appeal window nor above its longest review period and warning. */
const FAIRNESS_KEYS: Key[] = ['hearingNoticeWorkingDays', 'appealDeadlineMinWorkingDays', 'suspensionReviewMaxDays', 'warningMaxMonths'];

const FIELDS: Record<Key, string> = {
  triageWorkingDays: 'triage',
  investigationWorkingDays: 'investigation',
  appealHearingWorkingDays: 'appeal-hearing',
  monitoringExpiryNoticeWorkingDays: 'monitoring-notice',
  hearingNoticeWorkingDays: 'hearing-notice',
  appealDeadlineMinWorkingDays: 'appeal-window',
  suspensionReviewMaxDays: 'suspension-review',
  warningMaxMonths: 'warning-months',
};
const LABELS: Record<Key, string> = {
  triageWorkingDays: 'Days to triage a report',
  investigationWorkingDays: 'Days to investigate',
  appealHearingWorkingDays: 'Days to hear an appeal',
  monitoringExpiryNoticeWorkingDays: 'Days of notice before monitoring ends',
  hearingNoticeWorkingDays: 'Days of notice of a hearing',
  appealDeadlineMinWorkingDays: 'Shortest appeal window, in days',
  suspensionReviewMaxDays: 'Longest time before a suspension is reviewed, in days',
  warningMaxMonths: 'Longest time a warning lasts, in months',
};
const HINTS: Record<Key, string> = {
  triageWorkingDays: 'Working days from the report (§4).',
  investigationWorkingDays: 'Working days from triage. Each investigation may be given more, with a reason.',
  appealHearingWorkingDays: 'Working days from its lodging.',
  monitoringExpiryNoticeWorkingDays: 'Working days before it ends (§11).',
  hearingNoticeWorkingDays: 'Working days between the invitation letter and the hearing. At least the service’s minimum.',
  appealDeadlineMinWorkingDays: 'Working days from the decision being communicated to the appeal deadline, at least. At least the service’s minimum.',
  suspensionReviewMaxDays: 'Calendar days from the start, or the last review. At most the service’s longest (4 weeks).',
  warningMaxMonths: 'Months from the warning being given. At most the service’s longest.',
};

/**
 * The organisation's deadlines (process.md §6 "defaults configurable per organisation"; GET/PUT
 * /organisation/deadlines, admin): what each person's tasks and the fair-process rules count on.
 * The ranges are the API's, not restated here: a number out of range comes back named beside
 * its field, with its range.
 */
export function DeadlinesPage() {
  const loaded = useLoad(() => api.GET('/organisation/deadlines'), []);
  return (
    <Page title="Deadlines" caption="Your organisation" heading="Deadlines" before={<BackLink href="/">Your work</BackLink>}>
      <WhenLoaded loaded={loaded}>{(data) => <DeadlinesForm initial={data as Deadlines} />}</WhenLoaded>
    </Page>
  );
}

function DeadlinesForm({ initial }: { initial: Deadlines }) {
  const [values, setValues] = useState<Record<Key, string>>(
    Object.fromEntries((Object.keys(FIELDS) as Key[]).map((k) => [k, String(initial[k])])) as Record<Key, string>,
  );
  const form = useApiForm(FIELDS, LABELS);
  // what is typed goes as typed when it is not a whole number: the API's 400 names the field
  const asSent = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : value) as number;
  const send = () =>
    api.PUT('/organisation/deadlines', {
      body: Object.fromEntries((Object.keys(FIELDS) as Key[]).map((key) => [key, asSent(values[key])])) as Deadlines,
    });
  const input = (key: Key) => (
    <Input
      key={key}
      id={FIELDS[key]}
      label={LABELS[key]}
      hint={HINTS[key]}
      width="2"
      inputMode="numeric"
      {...form.text(key, values[key], (value: string) => setValues((v) => ({ ...v, [key]: value })))}
    />
  );
  return (
    <SettingsForm
      saved="Saved: every task counts on these from now on"
      errors={form.errors}
      submitting={form.submitting}
      onSubmit={(showSaved) => form.submit(send, showSaved)}
      intro={
        <p className="govuk-body">
          The safeguarding referral (one working day) is the law’s, and how long a case is kept is the service’s: neither is set here.
        </p>
      }
    >
      <Fieldset legend="Deadlines for each task">
        <p className="govuk-body">In working days: Monday to Friday, less the school’s bank holidays.</p>
        {TASK_KEYS.map(input)}
      </Fieldset>
      <Fieldset legend="A fair process">
        <p className="govuk-body">
          You may give more notice of a hearing and a longer appeal window than the service’s minimum, and review a suspension sooner or keep a warning for less
          time than its longest — never the other way.
        </p>
        {FAIRNESS_KEYS.map(input)}
      </Fieldset>
    </SettingsForm>
  );
}
