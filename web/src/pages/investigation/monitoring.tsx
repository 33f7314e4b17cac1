import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import {
  Button,
  Checkboxes,
  DateInput,
  EMPTY_DATE,
  EMPTY_DATE_TIME,
  ErrorSummary,
  Input,
  InsetText,
  Radios,
  SummaryList,
  Tag,
  Textarea,
  type DateParts,
} from '../../components';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { NotFoundPage } from '../not-found';
import {
  allegationTitle,
  CaseScreen,
  choiceOf,
  DATE_HINT,
  DATE_TIME_HINT,
  formatDate,
  formatDateTime,
  InvestigationBreadcrumbs,
  MONITORING_STATUSES,
  periodText,
  titled,
  TwoThirds,
  ukInstant,
  usePolicy,
  type CaseView,
  type Monitoring,
} from './common';

type Body = components['schemas']['MonitoringRequestBody'];

/**
 * /cases/:id/monitoring/new — a request to monitor (§9, §11), for the headteacher (or governors)
 * to decide: the scope and reason in the policy's own words, why it is needed and why less
 * intrusive means will not do, the period to review, the systems or accounts, the expiry, and the
 * allegations of this case it rests on. The period and expiry are whole UK days: from the start of
 * the first, to the end of the last.
 */
export function MonitoringRequestPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view) => <MonitoringRequest view={view} />}</CaseScreen>;
}

function MonitoringRequest({ view }: { view: CaseView }) {
  const policy = usePolicy();
  const [, navigate] = useLocation();
  const [scope, setScope] = useState<Body['scope']>();
  const [reason, setReason] = useState<Body['reason']>();
  const [justification, setJustification] = useState('');
  const [proportionality, setProportionality] = useState('');
  const [periodFrom, setPeriodFrom] = useState<DateParts>(EMPTY_DATE);
  const [periodTo, setPeriodTo] = useState<DateParts>(EMPTY_DATE);
  const [systems, setSystems] = useState('');
  const [expiresAt, setExpiresAt] = useState<DateParts>(EMPTY_DATE);
  const [allegationIds, setAllegationIds] = useState<string[]>([]);
  const form = useApiForm(
    {
      scope: 'scope',
      reason: 'reason',
      justification: 'justification',
      proportionality: 'proportionality',
      periodFrom: 'period-from',
      periodTo: 'period-to',
      systems: 'systems',
      expiresAt: 'expires-at',
      allegationIds: 'allegations',
    },
    {
      scope: 'Scope',
      reason: 'Reason',
      justification: 'Why it is needed',
      proportionality: 'Why less intrusive means will not do',
      periodFrom: 'Start of the period',
      periodTo: 'End of the period',
      systems: 'Systems or accounts',
      expiresAt: 'Expiry',
      allegationIds: 'Allegations',
    },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/monitoring-requests', {
        params: { path: { id: view.id } },
        body: {
          scope: scope!,
          reason: reason!,
          justification,
          proportionality,
          periodFrom: ukInstant(periodFrom),
          periodTo: ukInstant(periodTo, { endOfDay: true }),
          systems: systems
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          expiresAt: ukInstant(expiresAt, { endOfDay: true }),
          ...(allegationIds.length ? { allegationIds } : {}),
        },
      }),
    () => navigate(`/cases/${view.id}/investigation?done=monitoring`),
  );
  return (
    <Page
      title={titled(`Request monitoring – Case ${view.reference}`, form.errors)}
      caption={`Case ${view.reference}`}
      heading="Request monitoring"
      before={<InvestigationBreadcrumbs view={view} />}
    >
      <TwoThirds>
        <ErrorSummary errors={form.errors.summary} />
        <p className="govuk-body">
          The headteacher (or the governors, where the headteacher cannot act) decides. Nobody decides their own request, and a decision is final.
        </p>
        <form onSubmit={send} noValidate>
          <Radios
            id="scope"
            legend="What would be monitored"
            value={scope}
            onChange={(value) => setScope(value as Body['scope'])}
            error={form.errors.fields.scope}
            items={(policy?.monitoringScopes ?? []).map((c) => ({ value: c.value, text: `${c.label} (${c.clause})`, hint: `“${c.words}”` }))}
          />
          <Radios
            id="reason"
            legend="The reason (§9)"
            hint="“The school may monitor … if it suspects that the employee has:”"
            value={reason}
            onChange={(value) => setReason(value as Body['reason'])}
            error={form.errors.fields.reason}
            items={(policy?.monitoringReasons ?? []).map((c) => ({ value: c.value, text: c.label, hint: `“${c.words}”` }))}
          />
          <Textarea
            id="justification"
            label="Why it is needed"
            labelSize="s"
            hint="What has been brought to the school’s attention, and what monitoring would establish."
            {...form.text('justification', justification, setJustification)}
          />
          <Textarea
            id="proportionality"
            label="Why less intrusive means will not do"
            labelSize="s"
            hint="Monitoring must be fair and proportionate (§5, §9): what else was tried or considered, and why the period and systems are no wider than needed."
            {...form.text('proportionality', proportionality, setProportionality)}
          />
          <DateInput
            id="period-from"
            legend="Start of the period to review"
            hint={`From the start of this day (UK time). ${DATE_HINT}`}
            {...form.field('periodFrom', periodFrom, setPeriodFrom)}
          />
          <DateInput
            id="period-to"
            legend="End of the period to review"
            hint={`To the end of this day (UK time). ${DATE_HINT}`}
            {...form.field('periodTo', periodTo, setPeriodTo)}
          />
          <Textarea
            id="systems"
            label="Systems or accounts covered"
            labelSize="s"
            hint="One a line: for example, “school web filter log”, “school e-mail account”, or a named social media account."
            rows={3}
            {...form.text('systems', systems, setSystems)}
          />
          <DateInput
            id="expires-at"
            legend="The authorisation expires"
            hint={`At the end of this day (UK time). ${DATE_HINT}`}
            {...form.field('expiresAt', expiresAt, setExpiresAt)}
          />
          {view.allegations.length ? (
            <Checkboxes
              id="allegations"
              legend="The allegations it rests on"
              legendSize="s"
              hint="For personal social media, the potential misconduct brought to the school’s attention (§11): cite the allegations of this case."
              {...form.choices('allegationIds', allegationIds, setAllegationIds)}
              items={view.allegations.map((a, i) => ({ value: a.id, text: `Allegation ${i + 1}`, hint: allegationTitle(a, policy) }))}
            />
          ) : (
            <p className="govuk-body" id="allegations">
              No allegation has been recorded on this case yet.
            </p>
          )}
          <Button disabled={form.submitting}>Request monitoring</Button>
        </form>
      </TwoThirds>
    </Page>
  );
}

/**
 * /cases/:id/monitoring/:requestId/disclosures/new — what monitoring obtained, disclosed to a third
 * party for advice (§9): to whom, why, when. The authorisation is shown first.
 */
export function DisclosurePage({ id, requestId }: { id: string; requestId: string }) {
  return (
    <CaseScreen id={id}>
      {(view) => {
        const request = view.monitoring.find((m) => m.id === requestId);
        return request ? <Disclosure view={view} request={request} /> : <NotFoundPage />;
      }}
    </CaseScreen>
  );
}

function Disclosure({ view, request }: { view: CaseView; request: Monitoring }) {
  const policy = usePolicy();
  const [, navigate] = useLocation();
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [disclosedAt, setDisclosedAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const form = useApiForm(
    { recipient: 'recipient', purpose: 'purpose', disclosedAt: 'disclosed-at' },
    { recipient: 'Recipient', purpose: 'Purpose', disclosedAt: 'When it was disclosed' },
  );
  const send = form.submit(
    () =>
      api.POST('/monitoring-requests/{id}/disclosures', {
        params: { path: { id: request.id } },
        body: { recipient, purpose, disclosedAt: ukInstant(disclosedAt, { withTime: true }) },
      }),
    () => navigate(`/cases/${view.id}/investigation?done=disclosure`),
  );
  const scope = choiceOf(policy?.monitoringScopes, request.scope);
  const reason = choiceOf(policy?.monitoringReasons, request.reason);
  return (
    <Page
      title={titled(`Record a disclosure – Case ${view.reference}`, form.errors)}
      caption={`Case ${view.reference}`}
      heading="Record a disclosure"
      before={<InvestigationBreadcrumbs view={view} />}
    >
      <TwoThirds>
        <ErrorSummary errors={form.errors.summary} />
        <InsetText>
          §9: the school may disclose what monitoring obtained to third parties for advice. Each disclosure is recorded: to whom, why and when.
        </InsetText>
        <h2 className="govuk-heading-m">The authorisation</h2>
        <SummaryList
          rows={[
            { key: 'Status', value: <Tag colour={MONITORING_STATUSES[request.status].colour}>{MONITORING_STATUSES[request.status].name}</Tag> },
            { key: 'Scope', value: scope ? `${scope.label} (${scope.clause})` : request.scope },
            { key: 'Reason', value: reason ? reason.label : request.reason },
            { key: 'Period', value: periodText(request.periodFrom, request.periodTo) },
            { key: 'Systems or accounts', value: request.systems.join(', ') },
            { key: 'Expires', value: `${formatDate(request.expiresAt)}${request.expired ? ' (expired)' : ''}` },
            ...(request.decidedAt ? [{ key: 'Decided', value: formatDateTime(request.decidedAt) }] : []),
            {
              key: 'Disclosures so far',
              value: request.disclosures.length ? request.disclosures.map((d) => `${d.recipient}, ${formatDateTime(d.disclosedAt)}`).join('; ') : 'None',
            },
          ]}
        />
        <form onSubmit={send} noValidate>
          <Input
            id="recipient"
            label="Disclosed to"
            labelSize="s"
            hint="Who, and their organisation: for example, “Local authority HR adviser”."
            {...form.text('recipient', recipient, setRecipient)}
          />
          <Textarea
            id="purpose"
            label="Purpose"
            labelSize="s"
            hint="Why it was disclosed: for example, “advice on further action”."
            rows={3}
            {...form.text('purpose', purpose, setPurpose)}
          />
          <DateInput
            id="disclosed-at"
            legend="When it was disclosed"
            hint={DATE_TIME_HINT}
            withTime
            {...form.field('disclosedAt', disclosedAt, setDisclosedAt)}
          />
          <Button disabled={form.submitting}>Record the disclosure</Button>
        </form>
      </TwoThirds>
    </Page>
  );
}
