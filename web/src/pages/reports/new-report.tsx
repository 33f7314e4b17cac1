import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  DateInput,
  EMPTY_DATE_TIME,
  ErrorSummary,
  Input,
  InsetText,
  Radios,
  Select,
  Textarea,
  type DateParts,
} from '../../components';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { choiceTitle, usePolicy, type PolicyChoice } from '../../lib/policy-words';
import { ukDateTime } from '../../lib/uk-time';
import { ProblemPage } from '../problem';

type Report = components['schemas']['CreateReportRequest'];
type Staff = components['schemas']['StaffResponse'];

const LABELS: Record<string, string> = {
  subjectStaffIds: 'The staff members the report is about',
  platform: 'Platform',
  platformOther: 'The platform’s name',
  observedAt: 'When it was seen',
  description: 'What was seen',
  url: 'Web address',
  category: 'Category',
  policyStandards: 'Standards',
  involvesPupils: 'Whether pupils are involved',
  mayMeetHarmThreshold: 'Whether it may meet the harm threshold',
  reporter: 'Who reported it',
  'reporter.staffId': 'The member of staff who reported it',
  'reporter.name': 'The reporter’s name',
  'reporter.relationship': 'Their relationship to the school',
};

/** A radio or checkbox for one of the policy's choices: its label, and the policy's own words beside it. */
const policyItem = (c: PolicyChoice) => ({ value: c.value, text: choiceTitle(c), hint: `“${c.words}”` });

const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'yes' : 'no');

/** The search text, once the person has stopped typing for a moment. */
function useSettled(text: string, ms = 300): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

/**
 * The deputy head logs a report (POST /reports; §4 "report it to the Deputy Headteacher"): who
 * it is about (the staff directory, searched by name), where and when it was seen, what, the
 * Appendix A category and the §7/§8 standards with the policy's own words beside each, whether
 * it is a safeguarding matter, and who reported it. Then the new case's page.
 */
export function NewReportPage() {
  const [, navigate] = useLocation();
  const policy = usePolicy();
  const [search, setSearch] = useState('');
  const settled = useSettled(search.trim());
  const found = useLoad(() => api.GET('/staff', { params: { query: { q: settled || undefined, limit: 20 } } }), [settled]);
  const directory = useLoad(() => api.GET('/staff', { params: { query: { limit: 200 } } }), []);
  const [subjects, setSubjects] = useState<Staff[]>([]);
  const [platform, setPlatform] = useState<string>();
  const [platformOther, setPlatformOther] = useState('');
  const [observedAt, setObservedAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [description, setDescription] = useState('');
  const [url, setUrl] = useState('');
  const [category, setCategory] = useState<string>();
  const [standards, setStandards] = useState<string[]>([]);
  const [involvesPupils, setInvolvesPupils] = useState<boolean>();
  const [harm, setHarm] = useState<boolean>();
  const [reporterKind, setReporterKind] = useState<'staff' | 'external'>();
  const [reporterStaffId, setReporterStaffId] = useState('');
  const [reporterName, setReporterName] = useState('');
  const [relationship, setRelationship] = useState('');

  // the subjects ticked so far, then the people the search found
  const matches = found.state === 'loaded' ? found.data.items : [];
  const shown = [...subjects, ...matches.filter((m) => !subjects.some((s) => s.id === m.id))];
  const reporterField = reporterKind === 'staff' ? 'reporter-staff' : reporterKind === 'external' ? 'reporter-name' : 'reporter-kind';
  const form = useApiForm(
    {
      subjectStaffIds: shown.length ? 'subjects' : 'subject-search',
      platform: 'platform',
      platformOther: 'platform-other',
      observedAt: 'observed-at',
      description: 'description',
      url: 'url',
      category: 'category',
      policyStandards: 'standards',
      involvesPupils: 'involves-pupils',
      mayMeetHarmThreshold: 'harm',
      reporter: 'reporter-kind',
      'reporter.staffId': reporterKind ? 'reporter-staff' : 'reporter-kind',
      'reporter.name': reporterField,
      'reporter.relationship': reporterKind === 'external' ? 'reporter-relationship' : 'reporter-kind',
    },
    LABELS,
  );
  const errors = form.errors.fields;

  const send = form.submit(
    () => {
      // what the person chose, as they chose it: the API says what is missing or wrong
      const body = {
        subjectStaffIds: subjects.map((s) => s.id),
        platform: platform as Report['platform'],
        ...(platform === 'other' ? { platformOther } : {}),
        observedAt: ukDateTime(observedAt) as string,
        description,
        ...(url.trim() ? { url: url.trim() } : {}),
        category: category as Report['category'],
        policyStandards: standards as Report['policyStandards'],
        involvesPupils: involvesPupils as boolean,
        ...(harm === undefined ? {} : { mayMeetHarmThreshold: harm }),
        reporter:
          reporterKind === 'staff'
            ? { staffId: reporterStaffId || undefined }
            : reporterKind === 'external'
              ? { name: reporterName, ...(relationship.trim() ? { relationship } : {}) }
              : {},
      } satisfies Partial<Report>;
      return api.POST('/reports', { body: body as Report });
    },
    (created) => navigate(`/cases/${created.id}`),
  );

  if (policy.state === 'failed') return <ProblemPage problem={policy.problem} />;
  if (directory.state === 'failed') return <ProblemPage problem={directory.problem} />;
  const words = policy.state === 'loaded' ? policy.data : undefined;
  const staffOptions = directory.state === 'loaded' ? directory.data.items : [];

  return (
    <Page
      title={form.errors.summary.length ? 'Error: Log a report' : 'Log a report'}
      heading="Log a report"
      before={<Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors.summary} />
          <InsetText>
            “If a colleague sees any social media posts, messages or activity which has the potential to damage the reputation of the organisation or is
            directed at an individual connected with the organisation, they should report it to the Deputy Headteacher at the earliest opportunity.” (§4)
          </InsetText>
          <form onSubmit={send} noValidate>
            <h2 className="govuk-heading-m">Who the report is about</h2>
            <Input
              id="subject-search"
              label="Search the staff directory by name"
              labelSize="s"
              hint="Type part of a name, then tick each person the report is about"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              error={shown.length ? undefined : errors.subjectStaffIds}
            />
            <p className="govuk-visually-hidden" role="status">
              {found.state === 'loaded' ? `${matches.length} ${matches.length === 1 ? 'person' : 'people'} found` : ''}
            </p>
            {shown.length ? (
              <Checkboxes
                id="subjects"
                legend="Staff members the report is about"
                legendSize="s"
                values={subjects.map((s) => s.id)}
                onChange={(ids) => setSubjects(shown.filter((s) => ids.includes(s.id)))}
                error={errors.subjectStaffIds}
                items={shown.map((s) => ({ value: s.id, text: s.name, hint: s.jobTitle ?? undefined }))}
              />
            ) : (
              <p className="govuk-body">{found.state === 'loading' ? 'Searching…' : 'Nobody in the staff directory has a name like that.'}</p>
            )}

            <h2 className="govuk-heading-m">What was seen</h2>
            <Radios
              id="platform"
              legend="Where was it seen?"
              hint="§2: “This list is not exhaustive and is intended to illustrate the types of social media covered by this policy.”"
              value={platform}
              onChange={setPlatform}
              error={errors.platform}
              items={(words?.platforms ?? []).map((c) => ({
                value: c.value,
                text: c.label,
                hint: c.value === 'other' ? `“${c.words}” (${c.clause})` : undefined,
                conditional:
                  c.value === 'other' ? (
                    <Input
                      id="platform-other"
                      label="The platform’s name"
                      value={platformOther}
                      onChange={(event) => setPlatformOther(event.target.value)}
                      error={errors.platformOther}
                    />
                  ) : undefined,
              }))}
            />
            <DateInput
              id="observed-at"
              legend="When was it seen?"
              hint="UK time, for example 2 11 2026 18 30"
              withTime
              value={observedAt}
              onChange={setObservedAt}
              error={errors.observedAt}
            />
            <Textarea
              id="description"
              label="What was seen"
              labelSize="s"
              hint="What the post, message or activity said or showed, and anything that identifies it"
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              error={errors.description}
            />
            <Input
              id="url"
              label="Web address (optional)"
              labelSize="s"
              hint="For example, https://www.facebook.com/…"
              type="url"
              spellCheck={false}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              error={errors.url}
            />

            <h2 className="govuk-heading-m">What the policy says it may be</h2>
            <Radios
              id="category"
              legend="Which kind of misuse is it? (Appendix A)"
              hint="“Any post or communication that employees make in a personal capacity through social media must not:”"
              value={category}
              onChange={setCategory}
              error={errors.category}
              items={(words?.categories ?? []).map(policyItem)}
            />
            <Checkboxes
              id="standards"
              legend="Which standards may it breach? (§7 and §8)"
              hint="Tick all that may apply"
              values={standards}
              onChange={setStandards}
              error={errors.policyStandards}
              items={(words?.standards ?? []).map(policyItem)}
            />

            <h2 className="govuk-heading-m">Safeguarding (§5)</h2>
            <p className="govuk-body">
              “The safeguarding of young people is a priority for our organisation.” A report that involves pupils, or may meet the harm threshold, is a
              safeguarding matter: the case is flagged, and a referral is expected within one working day.
            </p>
            <YesNoRadios id="involves-pupils" legend="Are pupils involved?" value={involvesPupils} onChange={setInvolvesPupils} error={errors.involvesPupils} />
            <YesNoRadios
              id="harm"
              legend="May it meet the harm threshold?"
              hint="Leave unanswered if you do not know yet"
              value={harm}
              onChange={setHarm}
              error={errors.mayMeetHarmThreshold}
            />

            <h2 className="govuk-heading-m">Who reported it</h2>
            <Radios
              id="reporter-kind"
              legend="Who reported it?"
              value={reporterKind}
              onChange={(v) => setReporterKind(v as 'staff' | 'external')}
              error={errors.reporter ?? (reporterKind ? undefined : (errors['reporter.name'] ?? errors['reporter.staffId']))}
              items={[
                {
                  value: 'staff',
                  text: 'A member of staff',
                  conditional: (
                    <Select
                      id="reporter-staff"
                      label="Member of staff"
                      value={reporterStaffId}
                      onChange={(event) => setReporterStaffId(event.target.value)}
                      error={reporterKind === 'staff' ? errors['reporter.staffId'] : undefined}
                      options={[
                        { value: '', text: 'Choose a member of staff' },
                        ...staffOptions.map((s) => ({ value: s.id, text: s.jobTitle ? `${s.name} (${s.jobTitle})` : s.name })),
                      ]}
                    />
                  ),
                },
                {
                  value: 'external',
                  text: 'Someone outside the school, such as a parent',
                  conditional: (
                    <>
                      <Input
                        id="reporter-name"
                        label="Their name"
                        autoComplete="off"
                        value={reporterName}
                        onChange={(event) => setReporterName(event.target.value)}
                        error={reporterKind === 'external' ? errors['reporter.name'] : undefined}
                      />
                      <Input
                        id="reporter-relationship"
                        label="Their relationship to the school"
                        hint="For example, parent of a Year 4 pupil"
                        value={relationship}
                        onChange={(event) => setRelationship(event.target.value)}
                        error={reporterKind === 'external' ? errors['reporter.relationship'] : undefined}
                      />
                    </>
                  ),
                },
              ]}
            />
            <Button disabled={form.submitting}>Log the report</Button>
          </form>
        </div>
      </div>
    </Page>
  );
}

/** A yes-or-no question, side by side; unanswered until one is chosen. */
function YesNoRadios({
  id,
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: boolean | undefined;
  onChange: (value: boolean) => void;
  error?: string;
}) {
  return (
    <Radios
      id={id}
      legend={legend}
      hint={hint}
      inline
      value={yesNo(value)}
      onChange={(v) => onChange(v === 'yes')}
      error={error}
      items={[
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
      ]}
    />
  );
}
