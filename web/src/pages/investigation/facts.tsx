import { useState } from 'react';
import { api } from '../../api/client';
import { Checkboxes, DateInput, EMPTY_DATE_TIME, Link, Textarea, type DateParts } from '../../components';
import { CaseScreen, RecordsStep, useRecordForm, DATE_TIME_HINT, EVIDENCE_KINDS, evidenceTitle, formatDateTime, ukInstant, type CaseView } from './common';

/**
 * /cases/:id/investigation/facts — the facts established (dated statements of what happened, each
 * citing its evidence), and a new one: when, what, and the evidence it rests on (the case's own
 * evidence, as checkboxes).
 */
export function FactsPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view, update) => <Facts view={view} update={update} />}</CaseScreen>;
}

function Facts({ view, update }: { view: CaseView; update: (view: CaseView) => void }) {
  const [occurredAt, setOccurredAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [description, setDescription] = useState('');
  const [evidenceIds, setEvidenceIds] = useState<string[]>([]);
  const form = useRecordForm(
    { occurredAt: 'occurred-at', description: 'description', evidenceIds: 'evidence' },
    { occurredAt: 'When it happened', description: 'What happened', evidenceIds: 'Evidence' },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/facts', {
        params: { path: { id: view.id } },
        body: { occurredAt: ukInstant(occurredAt, { withTime: true }), description, evidenceIds },
      }),
    (answer) => {
      update(answer);
      setOccurredAt(EMPTY_DATE_TIME);
      setDescription('');
      setEvidenceIds([]);
      form.setAdded(true);
    },
  );
  const byId = new Map(view.evidence.map((item) => [item.id, item]));
  return (
    <RecordsStep
      view={view}
      title="Facts"
      form={form}
      send={send}
      banner="Fact recorded"
      recordedHeading="Established"
      records={view.facts}
      cardName="Fact"
      rows={(fact) => [
        { key: 'When', value: formatDateTime(fact.occurredAt) },
        { key: 'What happened', value: fact.withheld ? 'Withheld' : fact.description },
        {
          key: 'Evidence',
          value: fact.evidenceIds.length ? (
            <ul className="govuk-list">
              {fact.evidenceIds.map((evidenceId) => {
                const item = byId.get(evidenceId);
                return (
                  <li key={evidenceId}>
                    <Link href={`/cases/${view.id}/evidence/${evidenceId}`}>{item ? evidenceTitle(item) : 'An item of evidence'}</Link>
                  </li>
                );
              })}
            </ul>
          ) : (
            'None cited'
          ),
        },
      ]}
      none="No fact has been recorded yet."
      addHeading="Add a fact"
      submitText="Record the fact"
    >
      <DateInput id="occurred-at" legend="When it happened" hint={DATE_TIME_HINT} withTime {...form.field('occurredAt', occurredAt, setOccurredAt)} />
      <Textarea
        id="description"
        label="What happened"
        labelSize="s"
        hint="A dated statement of fact, as the evidence shows it."
        {...form.text('description', description, setDescription)}
      />
      {view.evidence.length ? (
        <Checkboxes
          id="evidence"
          legend="The evidence it rests on"
          legendSize="s"
          hint="Select all that apply."
          {...form.choices('evidenceIds', evidenceIds, setEvidenceIds)}
          small
          items={view.evidence.map((item) => ({
            value: item.id,
            text: evidenceTitle(item),
            hint: `${EVIDENCE_KINDS[item.kind]?.name ?? item.kind} captured ${formatDateTime(item.capturedAt)}; SHA-256 ${item.sha256.slice(0, 12)}…`,
          }))}
        />
      ) : (
        <p className="govuk-body" id="evidence">
          There is no evidence to cite yet: <Link href={`/cases/${view.id}/investigation/evidence/new`}>add evidence</Link> first.
        </p>
      )}
    </RecordsStep>
  );
}
