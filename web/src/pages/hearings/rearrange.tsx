import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { useSession } from '../../auth/use-session';
import { Button, ButtonGroup, DateInput, EMPTY_DATE_TIME, ErrorSummary, Input, Link, Radios, Textarea, type DateParts } from '../../components';
import { DATE_TIME_HINT, ukDateTime } from '../../lib/uk-time';
import { useApiForm } from '../../lib/use-api-form';
import { DecisionPage, NotYours, offers, WithCase, type Case } from '../decisions/common';
import { BASIS_NAMES, currentHearing, HearingSummary, KIND_WORDS, type HearingKind, type RearrangementBasis } from './common';

const FIELDS = { basis: 'basis', scheduledFor: 'scheduled-for', place: 'place', reason: 'reason' };
const LABELS = { basis: 'Why it moves', scheduledFor: 'New time', place: 'New place', reason: 'Reason' };
const ACTION = { disciplinary: 'arrange_hearing', appeal: 'arrange_appeal_hearing' } as const;

/**
 * Rearranging a hearing not yet held (POST /hearings/:id/rearrangements; process.md §1; ERA 1999
 * s10(4)–(5)), by its chair: the subject's companion cannot attend and they propose another time
 * (once, within the days the Act allows: the API checks), or the chair's decision, with a reason.
 * The new place only when it changes. Back to the case, which shows the rearrangement.
 */
export function RearrangeHearingPage({ id, kind }: { id: string; kind: HearingKind }) {
  return <WithCase id={id}>{(found) => <Rearrange found={found} kind={kind} />}</WithCase>;
}

function Rearrange({ found, kind }: { found: Case; kind: HearingKind }) {
  const session = useSession();
  const me = session.status === 'signed-in' ? session.user.id : '';
  const hearing = currentHearing(found, kind);
  const title = `Rearrange the ${KIND_WORDS[kind].name}`;
  if (!hearing || hearing.held || hearing.chairUserId !== me || !offers(found, ACTION[kind])) {
    return (
      <DecisionPage found={found} title={title}>
        <p className="govuk-body">
          {hearing && !hearing.held ? 'A hearing is rearranged by its chair.' : `No ${KIND_WORDS[kind].name} is waiting to be held.`}
        </p>
        <NotYours found={found} what={`rearrange the ${KIND_WORDS[kind].name}`} />
      </DecisionPage>
    );
  }
  return <RearrangeForm found={found} kind={kind} hearingId={hearing.id} me={me} />;
}

function RearrangeForm({ found, kind, hearingId, me }: { found: Case; kind: HearingKind; hearingId: string; me: string }) {
  const [, navigate] = useLocation();
  const hearing = currentHearing(found, kind)!;
  const [basis, setBasis] = useState<RearrangementBasis>();
  const [scheduledFor, setScheduledFor] = useState<DateParts>(EMPTY_DATE_TIME);
  const [place, setPlace] = useState('');
  const [reason, setReason] = useState('');
  const form = useApiForm(FIELDS, LABELS);
  const send = form.submit(
    () =>
      api.POST('/hearings/{id}/rearrangements', {
        params: { path: { id: hearingId } },
        body: {
          // left unset, the basis and the time are the API's to name (400, beside them)
          basis: basis as RearrangementBasis,
          scheduledFor: ukDateTime(scheduledFor) as string,
          ...(place.trim() ? { place } : {}),
          ...(basis === 'chair_decision' ? { reason } : {}),
        },
      }),
    () => navigate(`/cases/${found.id}?done=hearing-rearranged`),
  );
  return (
    <DecisionPage found={found} title={`Rearrange the ${KIND_WORDS[kind].name}`} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      <h2 className="govuk-heading-m">As arranged now</h2>
      <HearingSummary hearing={hearing} me={me} />
      <form onSubmit={send} noValidate>
        <Radios
          id={FIELDS.basis}
          legend="Why does it move?"
          legendSize="m"
          {...form.choice('basis', basis, setBasis)}
          items={[
            {
              value: 'companion_unavailable',
              text: BASIS_NAMES.companion_unavailable,
              hint: 'The Employment Relations Act 1999 (s10): once, to a time they propose within 5 working days after the date first proposed.',
            },
            {
              value: 'chair_decision',
              text: BASIS_NAMES.chair_decision,
              hint: 'Any other move, with the reason.',
              conditional: <Textarea id={FIELDS.reason} label="Why it moves" labelSize="s" rows={4} {...form.text('reason', reason, setReason)} />,
            },
          ]}
        />
        <DateInput
          id={FIELDS.scheduledFor}
          legend="The new time"
          legendSize="m"
          hint={DATE_TIME_HINT}
          withTime
          {...form.field('scheduledFor', scheduledFor, setScheduledFor)}
        />
        <Input id={FIELDS.place} label="The new place (if it changes)" labelSize="m" {...form.text('place', place, setPlace)} />
        <ButtonGroup>
          <Button disabled={form.submitting}>Rearrange the hearing</Button>
          <Link href={`/cases/${found.id}`}>Cancel</Link>
        </ButtonGroup>
      </form>
    </DecisionPage>
  );
}
