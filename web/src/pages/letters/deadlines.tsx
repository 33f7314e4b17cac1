import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { BackLink, Input } from '../../components';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { SettingsForm } from '../../lib/settings-form';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';

type Deadlines = components['schemas']['DeadlinesDto'];
type Key = keyof Deadlines;

const FIELDS: Record<Key, string> = {
  triageWorkingDays: 'triage',
  investigationWorkingDays: 'investigation',
  appealHearingWorkingDays: 'appeal-hearing',
  monitoringExpiryNoticeWorkingDays: 'monitoring-notice',
};
const LABELS: Record<Key, string> = {
  triageWorkingDays: 'Days to triage a report',
  investigationWorkingDays: 'Days to investigate',
  appealHearingWorkingDays: 'Days to hear an appeal',
  monitoringExpiryNoticeWorkingDays: 'Days of notice before monitoring ends',
};
const HINTS: Record<Key, string> = {
  triageWorkingDays: 'Working days from the report (§4).',
  investigationWorkingDays: 'Working days from triage. Each investigation may be given more, with a reason.',
  appealHearingWorkingDays: 'Working days from its lodging.',
  monitoringExpiryNoticeWorkingDays: 'Working days before it ends (§11).',
};

/**
 * The organisation's deadlines (process.md §6 "defaults configurable per organisation"; GET/PUT
 * /organisation/deadlines, admin): what each person's tasks count on. The ranges are the API's:
 * a number out of range comes back named beside its field.
 */
export function DeadlinesPage() {
  const loaded = useLoad(() => api.GET('/organisation/deadlines'), []);
  return (
    <Page title="Deadlines" caption="Your organisation" heading="Deadlines" before={<BackLink href="/">Your work</BackLink>}>
      <WhenLoaded loaded={loaded}>{(data) => <DeadlinesForm initial={data} />}</WhenLoaded>
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
      body: {
        triageWorkingDays: asSent(values.triageWorkingDays),
        investigationWorkingDays: asSent(values.investigationWorkingDays),
        appealHearingWorkingDays: asSent(values.appealHearingWorkingDays),
        monitoringExpiryNoticeWorkingDays: asSent(values.monitoringExpiryNoticeWorkingDays),
      },
    });
  return (
    <SettingsForm
      saved="Saved: every task counts on these from now on"
      errors={form.errors}
      submitting={form.submitting}
      onSubmit={(showSaved) => form.submit(send, showSaved)}
      intro={
        <p className="govuk-body">
          In working days: Monday to Friday, less the school’s bank holidays. The safeguarding referral (one working day), the hearing notice and the appeal
          window are the law’s and the service’s, not set here.
        </p>
      }
    >
      {(Object.keys(FIELDS) as Key[]).map((key) => (
        <Input
          key={key}
          id={FIELDS[key]}
          label={LABELS[key]}
          hint={HINTS[key]}
          width="2"
          inputMode="numeric"
          {...form.text(key, values[key], (value: string) => setValues((v) => ({ ...v, [key]: value })))}
        />
      ))}
    </SettingsForm>
  );
}
