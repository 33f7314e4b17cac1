import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { Checkboxes, DateInput, Radios, Textarea, WarningText, type DateParts } from '../../components';
import { WhenLoaded } from '../../lib/loaded';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { DATE_HINT, DATE_TIME_HINT, ukDateTime, ukDayEnd, ukParts } from '../../lib/uk-time';
import { CaseFormPage } from '../reports/common';
import { GROUND_WORDS, type SuspensionGround } from './words';

const EMPTY: DateParts = { day: '', month: '', year: '' };

/**
 * Suspend a subject of the case on full pay (POST /cases/:id/suspensions; process.md §1, ACAS Code,
 * KCSIE Part 4; docs/suspension.md): who, from when, why, the alternatives considered, and the
 * review date. The acting decision-maker does it; the API decides who that is and every rule
 * (the 4-week review bound, one active suspension per person), and the page shows what it says.
 */
export function SuspendPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  const [subject, setSubject] = useState<string>();
  const [startsAt, setStartsAt] = useState<DateParts>(() => ukParts());
  const [grounds, setGrounds] = useState<string[]>([]);
  const [reasons, setReasons] = useState('');
  const [alternatives, setAlternatives] = useState('');
  const [reviewBy, setReviewBy] = useState<DateParts>(EMPTY);
  const form = useApiForm(
    { subjectStaffId: 'subject', startsAt: 'starts-at', grounds: 'grounds', reasons: 'reasons', alternativesConsidered: 'alternatives', reviewBy: 'review-by' },
    {
      subjectStaffId: 'Who',
      startsAt: 'Start',
      grounds: 'Why',
      reasons: 'Reasons',
      alternativesConsidered: 'Alternatives considered',
      reviewBy: 'Review date',
    },
  );
  const send = form.submit(
    () =>
      api.POST('/cases/{id}/suspensions', {
        params: { path: { id } },
        // unset answers go as they are: the API's 400 names them, and the page shows it beside the field
        body: {
          subjectStaffId: subject as string,
          startsAt: ukDateTime(startsAt) as string,
          grounds: grounds as SuspensionGround[],
          reasons,
          alternativesConsidered: alternatives,
          reviewBy: ukDayEnd(reviewBy) as string,
        },
      }),
    () => navigate(`/cases/${id}?done=suspension`),
  );

  return (
    <WhenLoaded loaded={loaded}>
      {(view) => {
        const subjects = view.subjects.filter((s): s is typeof s & { staffId: string } => s.staffId !== null);
        return (
          <CaseFormPage
            view={view}
            title="Suspend"
            heading="Suspend on full pay"
            form={form}
            onSubmit={send}
            submitText="Record the suspension"
            intro={
              <>
                <p className="govuk-body">
                  A precautionary suspension keeps pupils, the evidence or the investigation safe while the process runs. It is on full pay, it is not a
                  sanction and not a finding, and it ends at the latest with the outcome.
                </p>
                <WarningText>Suspension is never automatic (KCSIE Part 4): say which alternatives you considered, and why they would not do.</WarningText>
              </>
            }
          >
            <Radios
              id="subject"
              legend="Who is suspended?"
              legendSize="m"
              {...form.choice('subjectStaffId', subject, setSubject)}
              items={subjects.map((s) => ({ value: s.staffId, text: s.name, hint: s.jobTitle ?? undefined }))}
            />
            <DateInput
              id="starts-at"
              legend="When does the suspension start?"
              hint={DATE_TIME_HINT}
              withTime
              {...form.field('startsAt', startsAt, setStartsAt)}
            />
            <Checkboxes
              id="grounds"
              legend="Why is a suspension needed?"
              legendSize="m"
              hint="Select all that apply."
              {...form.choices('grounds', grounds, setGrounds)}
              items={Object.entries(GROUND_WORDS).map(([value, words]) => ({ value, ...words }))}
            />
            <Textarea id="reasons" label="Reasons" hint="Why these risks are real in this case." rows={5} {...form.text('reasons', reasons, setReasons)} />
            <Textarea
              id="alternatives"
              label="Alternatives considered"
              hint="For example other duties, another site, supervision, or working from home; and why they would not do."
              rows={5}
              {...form.text('alternativesConsidered', alternatives, setAlternatives)}
            />
            <DateInput
              id="review-by"
              legend="Review the suspension by"
              hint={`At most 4 weeks after the start. ${DATE_HINT}`}
              {...form.field('reviewBy', reviewBy, setReviewBy)}
            />
          </CaseFormPage>
        );
      }}
    </WhenLoaded>
  );
}
