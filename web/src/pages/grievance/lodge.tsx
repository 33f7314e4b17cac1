import { useState } from 'react';
import { api } from '../../api/client';
import { Button, ButtonGroup, DateInput, EMPTY_DATE_TIME, ErrorSummary, Link, Panel, Radios, Textarea, type DateParts } from '../../components';
import { useApiForm } from '../../lib/use-api-form';
import { DATE_TIME_HINT, ukDateTime } from '../../lib/uk-time';
import { Confirmation, DecisionPage, NotYours, offers, WithCase, type Case } from '../decisions/common';

const TITLE = 'Record a grievance';
const FIELDS = { lodgedAt: 'lodged-at', summary: 'summary', relatedToProcess: 'related', subjectStaffId: 'subject' };
const LABELS = {
  lodgedAt: 'When it was lodged',
  summary: 'What the grievance says',
  relatedToProcess: 'About the disciplinary process',
  subjectStaffId: 'Who lodged it',
};

/**
 * Recording a grievance the subject lodged about how the policy was applied to them (§6;
 * POST /cases/:id/grievances, docs/grievances.md): HR records it, with when it was lodged, what it
 * says, whether it is about the disciplinary process of this case, and — when the case has several
 * subjects — whose it is. Whether it may be recorded now (an open case, by HR) is the API's to say.
 */
export function LodgeGrievancePage({ id }: { id: string }) {
  return <WithCase id={id}>{(found) => <Lodge found={found} />}</WithCase>;
}

function Lodge({ found }: { found: Case }) {
  const [lodged, setLodged] = useState<Case | null>(null);
  if (lodged) {
    const related = lodged.grievances.at(-1)?.relatedToProcess;
    return (
      <DecisionPage found={found} title={TITLE}>
        <Confirmation>
          <Panel title="Grievance recorded">Case {found.reference}</Panel>
        </Confirmation>
        <p className="govuk-body">
          It is heard by a headteacher or governor who took no part in the case.
          {related ? ' As it is about the disciplinary process, the person deciding the case may pause the process until it is decided.' : ''}
        </p>
        <p className="govuk-body">
          <Link href={`/cases/${found.id}`}>Go to the case</Link>
        </p>
      </DecisionPage>
    );
  }
  if (!offers(found, 'lodge_grievance')) {
    return (
      <DecisionPage found={found} title={TITLE}>
        <NotYours found={found} what="record a grievance" />
      </DecisionPage>
    );
  }
  return <LodgeForm found={found} onDone={setLodged} />;
}

function LodgeForm({ found, onDone }: { found: Case; onDone: (answer: Case) => void }) {
  const [lodgedAt, setLodgedAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [summary, setSummary] = useState('');
  const [related, setRelated] = useState<'yes' | 'no'>();
  const [subject, setSubject] = useState<string>();
  const form = useApiForm(FIELDS, LABELS);
  const several = found.subjects.length > 1;
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/grievances', {
        params: { path: { id: found.id } },
        // unset answers go as they are: the API's 400 names them, and the page shows it beside the field
        body: {
          lodgedAt: ukDateTime(lodgedAt) as string,
          summary,
          relatedToProcess: (related === undefined ? undefined : related === 'yes') as boolean,
          ...(several && subject ? { subjectStaffId: subject } : {}),
        },
      }),
    onDone,
  );
  return (
    <DecisionPage found={found} title={TITLE} error={form.errors.summary.length > 0}>
      <ErrorSummary errors={form.errors.summary} />
      <p className="govuk-body">
        Policy §6: a colleague may raise a grievance about how the policy was applied to them. Record it here as the subject lodged it; it is heard by a
        headteacher or governor who took no part in the case.
      </p>
      <form onSubmit={send} noValidate>
        {several && (
          <Radios
            id={FIELDS.subjectStaffId}
            legend="Who lodged the grievance?"
            legendSize="m"
            hint="A grievance is a subject’s of the case."
            {...form.choice('subjectStaffId', subject, setSubject)}
            items={found.subjects.flatMap((s) => (s.staffId ? [{ value: s.staffId, text: s.name ?? 'Name not recorded', hint: s.jobTitle ?? undefined }] : []))}
          />
        )}
        <DateInput
          id={FIELDS.lodgedAt}
          legend="When was the grievance lodged?"
          legendSize="m"
          hint={`When the school received it, not when you record it. ${DATE_TIME_HINT}`}
          withTime
          {...form.field('lodgedAt', lodgedAt, setLodgedAt)}
        />
        <Textarea
          id={FIELDS.summary}
          label="What does the grievance say?"
          labelSize="m"
          hint="How the subject says the policy was applied to them, in their words or a faithful summary."
          rows={6}
          {...form.text('summary', summary, setSummary)}
        />
        <Radios
          id={FIELDS.relatedToProcess}
          legend="Is it about the disciplinary process of this case?"
          legendSize="m"
          hint="Only then may the person deciding the case pause the process until the grievance is decided."
          inline
          {...form.choice('relatedToProcess', related, setRelated)}
          items={[
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
          ]}
        />
        <ButtonGroup>
          <Button disabled={form.submitting}>Record the grievance</Button>
          <Link href={`/cases/${found.id}`}>Cancel</Link>
        </ButtonGroup>
      </form>
    </DecisionPage>
  );
}
