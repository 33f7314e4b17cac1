import { useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../auth/use-session';
import { Button, ButtonGroup, Checkboxes, DateInput, EMPTY_DATE_TIME, ErrorSummary, Input, InsetText, Link, Panel, type DateParts } from '../../components';
import { formatDateTime } from '../../lib/format';
import { policyItems, usePolicy } from '../../lib/policy-words';
import { DATE_TIME_HINT, ukDateTime } from '../../lib/uk-time';
import { useApiForm } from '../../lib/use-api-form';
import { Confirmation, DecisionPage, NotYours, offers, SANCTION_NAMES, WithCase, type Case, type Sanction } from '../decisions/common';
import { currentHearing, HearingSummary, KIND_WORDS, pendingAppeal, type HearingKind } from './common';

const FIELDS = { scheduledFor: 'scheduled-for', place: 'place', evidenceIds: 'evidence', possibleOutcomes: 'possible-outcomes' };
const LABELS = { scheduledFor: 'When', place: 'Where', evidenceIds: 'Evidence', possibleOutcomes: 'Possible outcomes' };

const ACTION = { disciplinary: 'arrange_hearing', appeal: 'arrange_appeal_hearing' } as const;
const TITLES = { disciplinary: 'Invite to the disciplinary hearing', appeal: 'Invite to the appeal hearing' };

/**
 * The invitation to a hearing (process.md §1; ACAS Code): POST /cases/:id/hearings (the acting
 * decision-maker, who chairs it) or POST /appeals/:id/hearings (the appeal hearer). When, where,
 * the evidence relied on and, for a disciplinary hearing, the possible outcomes it warns of
 * (every sanction unless the chair takes some off). Whether the time gives the notice due is the
 * API's to say (400 beside the date). A hearing not yet held is shown first, with its
 * rearrangement: a new invitation replaces it.
 */
export function ArrangeHearingPage({ id, kind }: { id: string; kind: HearingKind }) {
  return <WithCase id={id}>{(found) => <Arrange found={found} kind={kind} />}</WithCase>;
}

function Arrange({ found, kind }: { found: Case; kind: HearingKind }) {
  const [invited, setInvited] = useState<Case | null>(null);
  const title = TITLES[kind];
  if (invited) {
    const hearing = currentHearing(invited, kind);
    return (
      <DecisionPage found={found} title={title}>
        <Confirmation>
          <Panel title="Invitation recorded">{hearing ? formatDateTime(hearing.scheduledFor) : ''}</Panel>
        </Confirmation>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          The hearing is held only once the invitation letter has been given to the member of staff with the notice due: generate it and record it as sent on
          the case’s letters.
        </p>
        <ButtonGroup>
          <Link href={`/cases/${found.id}/letters`}>Go to the letters</Link>
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </ButtonGroup>
      </DecisionPage>
    );
  }
  if (!offers(found, ACTION[kind])) {
    return (
      <DecisionPage found={found} title={title}>
        <NotYours found={found} what={`invite the subject to the ${KIND_WORDS[kind].name}`} />
      </DecisionPage>
    );
  }
  return <InviteForm found={found} kind={kind} onDone={setInvited} />;
}

function InviteForm({ found, kind, onDone }: { found: Case; kind: HearingKind; onDone: (answer: Case) => void }) {
  const session = useSession();
  const me = session.status === 'signed-in' ? session.user.id : '';
  const policy = usePolicy();
  const words = policy.state === 'loaded' ? policy.data : undefined;
  const [scheduledFor, setScheduledFor] = useState<DateParts>(EMPTY_DATE_TIME);
  const [place, setPlace] = useState('');
  const [evidenceIds, setEvidenceIds] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<string[]>(() => Object.keys(SANCTION_NAMES));
  const form = useApiForm(FIELDS, LABELS);
  const current = currentHearing(found, kind);
  const appeal = pendingAppeal(found);

  const send = form.submit(() => {
    // left unset, the time is the API's to name (400, beside the date)
    const common = { scheduledFor: ukDateTime(scheduledFor) as string, place, evidenceIds };
    return kind === 'appeal'
      ? api.POST('/appeals/{id}/hearings', { params: { path: { id: appeal?.id ?? '' } }, body: common })
      : api.POST('/cases/{id}/hearings', { params: { path: { id: found.id } }, body: { ...common, possibleOutcomes: outcomes as Sanction[] } });
  }, onDone);

  return (
    <DecisionPage found={found} title={TITLES[kind]} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      <p className="govuk-body">
        {kind === 'appeal'
          ? 'The appeal is decided after the appeal hearing, by the person who chairs it (process.md §1). The member of staff may be accompanied by a work colleague or a trade union representative.'
          : 'A sanction other than no action follows a disciplinary hearing, chaired by the person who then decides (ACAS Code; process.md §1). The member of staff may be accompanied by a work colleague or a trade union representative.'}
      </p>
      {current && !current.held && (
        <section aria-labelledby="arranged" data-testid="arranged">
          <h2 className="govuk-heading-m" id="arranged">
            The hearing already arranged
          </h2>
          <HearingSummary hearing={current} me={me} />
          {current.chairUserId === me && (
            <p className="govuk-body">
              <Link href={`${KIND_WORDS[kind].base(found.id)}/rearrange`}>Rearrange this hearing</Link>
            </p>
          )}
          <InsetText>A new invitation below replaces it: its letter is then given again, with the notice due.</InsetText>
        </section>
      )}
      <form onSubmit={send} noValidate>
        <DateInput
          id={FIELDS.scheduledFor}
          legend="When is the hearing?"
          legendSize="m"
          hint={`${DATE_TIME_HINT} The member of staff is given reasonable notice: a number of working days after the invitation, which the service checks.`}
          withTime
          {...form.field('scheduledFor', scheduledFor, setScheduledFor)}
        />
        <Input
          id={FIELDS.place}
          label="Where is it held?"
          labelSize="m"
          hint="For example, Meeting room 2, main building"
          {...form.text('place', place, setPlace)}
        />
        {found.evidence.length > 0 ? (
          <Checkboxes
            id={FIELDS.evidenceIds}
            name="evidence"
            legend="The evidence to be relied on"
            legendSize="m"
            hint="Listed in the invitation and sent with it."
            {...form.choices('evidenceIds', evidenceIds, setEvidenceIds)}
            items={found.evidence.map((item, i) => ({
              value: item.id,
              text: `Evidence item ${i + 1}${item.description ? `: ${item.description}` : ''}`,
              hint: item.originalFilename ?? undefined,
            }))}
          />
        ) : (
          <p className="govuk-body">No evidence has been recorded on the case.</p>
        )}
        {kind === 'disciplinary' && (
          <Checkboxes
            id={FIELDS.possibleOutcomes}
            name="possible-outcomes"
            legend="The possible outcomes"
            legendSize="m"
            hint="The invitation warns of these (ACAS Code: say when dismissal is possible). All of them unless you take some off."
            {...form.choices('possibleOutcomes', outcomes, setOutcomes)}
            items={policyItems(words?.sanctions, SANCTION_NAMES)}
          />
        )}
        <ButtonGroup>
          <Button disabled={form.submitting}>Record the invitation</Button>
          <Link href={`/cases/${found.id}`}>Cancel</Link>
        </ButtonGroup>
      </form>
    </DecisionPage>
  );
}
