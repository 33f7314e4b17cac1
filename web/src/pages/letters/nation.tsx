import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { BackLink, Radios } from '../../components';
import { formatDate } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { SettingsForm } from '../../lib/settings-form';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';

type Nation = components['schemas']['NationResponse']['nation'];

const NATIONS: Record<Nation, string> = { england_and_wales: 'England and Wales', scotland: 'Scotland', northern_ireland: 'Northern Ireland' };

/**
 * Where the school is (process.md §6; GET/PUT /organisation/nation, admin): whose bank holidays
 * its working days skip — every "within N working days" deadline counts on them (docs/calendar.md).
 */
export function NationPage() {
  const loaded = useLoad(() => api.GET('/organisation/nation'), []);
  return (
    <Page title="Bank holidays" caption="Your organisation" heading="Whose bank holidays" before={<BackLink href="/">Your work</BackLink>}>
      <WhenLoaded loaded={loaded}>{(data) => <NationForm initial={data.nation} knownThrough={data.bankHolidaysKnownThrough} />}</WhenLoaded>
    </Page>
  );
}

function NationForm({ initial, knownThrough }: { initial: Nation; knownThrough: string }) {
  const [nation, setNation] = useState<string>(initial);
  const form = useApiForm({ nation: 'nation' }, { nation: 'Nation' });
  return (
    <SettingsForm
      saved="Saved: deadlines count on these bank holidays from now on"
      errors={form.errors}
      submitting={form.submitting}
      onSubmit={(showSaved) => form.submit(() => api.PUT('/organisation/nation', { body: { nation: nation as Nation } }), showSaved)}
      intro={
        <p className="govuk-body">
          Working days are Monday to Friday, less the bank holidays of the nation the school is in. The service knows them up to{' '}
          {formatDate(`${knownThrough}T12:00:00Z`)}.
        </p>
      }
    >
      <Radios
        id="nation"
        legend="The school is in"
        legendSize="s"
        {...form.choice('nation', nation, setNation)}
        items={(Object.keys(NATIONS) as Nation[]).map((value) => ({ value, text: NATIONS[value] }))}
      />
    </SettingsForm>
  );
}
