import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { BackLink, Input, Textarea } from '../../components';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { SettingsForm } from '../../lib/settings-form';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';

type Letterhead = components['schemas']['LetterheadResponse'];

const FIELDS = { address: 'address', signatoryName: 'signatory-name', signatoryTitle: 'signatory-title' };
const LABELS = { address: 'Postal address', signatoryName: 'Who signs the letters', signatoryTitle: 'Their title' };

/**
 * The organisation's letterhead (GET/PATCH /organisation/letterhead, admin): the postal address
 * and the signatory every letter is printed with; the name is the organisation's own.
 */
export function LetterheadPage() {
  const loaded = useLoad(() => api.GET('/organisation/letterhead'), []);
  return <WhenLoaded loaded={loaded}>{(data) => <LetterheadForm initial={data} />}</WhenLoaded>;
}

function LetterheadForm({ initial }: { initial: Letterhead }) {
  const [address, setAddress] = useState(initial.address ?? '');
  const [signatoryName, setSignatoryName] = useState(initial.signatoryName ?? '');
  const [signatoryTitle, setSignatoryTitle] = useState(initial.signatoryTitle ?? '');
  const form = useApiForm(FIELDS, LABELS);
  const send = () =>
    api.PATCH('/organisation/letterhead', {
      body: { address: address.trim() || null, signatoryName: signatoryName.trim() || null, signatoryTitle: signatoryTitle.trim() || null },
    });
  const title = 'Letterhead';
  return (
    <Page
      title={form.errors.summary.length ? `Error: ${title}` : title}
      caption="Letters"
      heading="The letterhead"
      before={<BackLink href="/">Your work</BackLink>}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SettingsForm
            saved="The letterhead has been saved"
            button="Save the letterhead"
            errors={form.errors}
            submitting={form.submitting}
            onSubmit={(showSaved) => form.submit(send, showSaved)}
            intro={
              <p className="govuk-body">
                Every letter is printed with {initial.name}’s name, this address and, at its end, this signatory — whoever made the letter. Without a signatory
                no signature is printed.
              </p>
            }
          >
            <Textarea id="address" label={LABELS.address} hint="One line of the address per line." rows={5} {...form.text('address', address, setAddress)} />
            <Input id="signatory-name" label={LABELS.signatoryName} autoComplete="off" {...form.text('signatoryName', signatoryName, setSignatoryName)} />
            <Input
              id="signatory-title"
              label={LABELS.signatoryTitle}
              hint="For example, Headteacher."
              autoComplete="off"
              {...form.text('signatoryTitle', signatoryTitle, setSignatoryTitle)}
            />
          </SettingsForm>
        </div>
      </div>
    </Page>
  );
}
