import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { problemOf, type SummaryError } from '../../api/problem';
import type { components } from '../../api/schema';
import { Breadcrumbs, Button, ErrorSummary, Input, Link, Table } from '../../components';
import { STATUS_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import { CAPACITY_NAMES } from './words';

type Staff = components['schemas']['StaffResponse'];
type CaseItem = components['schemas']['CaseListItem'];
type Person = { staffId: string; name: string; capacity: 'subject' | 'reporter' | 'witness'; jobTitle?: string | null };

const exportLink = (staffId: string, name: string) => (
  <Link href={`/staff/${staffId}/subject-access`}>
    Run the export<span className="govuk-visually-hidden"> for {name}</span>
  </Link>
);

/** The reference check (screens/safeguarding.tsx): what may be said in a reference, for hr and the headteacher — the API decides who may. */
const referenceLink = (staffId: string, name: string) => (
  <Link href={`/staff/${staffId}/reference-check`}>
    Reference check<span className="govuk-visually-hidden"> for {name}</span>
  </Link>
);

/**
 * Choosing whose subject-access export to run. Two ways, both through the API: the staff
 * directory (GET /staff?q=, for the roles that may read it — the API says when this person may
 * not), or the people named in a case this person can see (GET /cases?q=<reference>, then GET
 * /cases/:id: its subjects, reporter and witnesses who are in the directory).
 */
export function SubjectAccessFindPage() {
  const [name, setName] = useState('');
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [staffError, setStaffError] = useState<SummaryError[]>([]);
  const [reference, setReference] = useState('');
  const [cases, setCases] = useState<CaseItem[] | null>(null);
  const [people, setPeople] = useState<{ reference: string; people: Person[] } | null>(null);
  const [caseError, setCaseError] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  const searchStaff = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { data, error, response } = await api.GET('/staff', { params: { query: { q: name.trim() || undefined, limit: 50 } } });
    setBusy(false);
    if (response.ok && data) {
      setStaff(data.items);
      setStaffError([]);
    } else {
      setStaff(null);
      const problem = problemOf(error, response);
      const field = problem.errors?.find((e) => e.field === 'q');
      if (field) setStaffError([{ text: `Name ${field.message}`, href: '#staff-name' }]);
      // the directory refused to this person (the API's words), and the way that is open to them
      else if (problem.status === 403)
        setStaffError([{ text: `The staff directory: ${problem.detail} Find the person through a case instead.`, href: '#case-reference' }]);
      else setStaffError([{ text: problem.detail }]);
    }
  };

  const openCase = async (id: string) => {
    setBusy(true);
    const { data, error, response } = await api.GET('/cases/{id}', { params: { path: { id } } });
    setBusy(false);
    if (!response.ok || !data) {
      setCaseError([{ text: problemOf(error, response).detail }]);
      return;
    }
    const named: Person[] = [
      ...data.subjects.map((p) => ({ ...p, capacity: 'subject' as const })),
      ...(data.reporter ? [{ ...data.reporter, capacity: 'reporter' as const }] : []),
      ...data.witnesses.map((p) => ({ ...p, capacity: 'witness' as const })),
    ].flatMap((p) => (p.staffId ? [{ staffId: p.staffId, name: p.name ?? 'Name erased', capacity: p.capacity, jobTitle: p.jobTitle }] : []));
    setCaseError([]);
    setPeople({ reference: data.reference, people: named });
  };

  const searchCases = async (event: FormEvent) => {
    event.preventDefault();
    setPeople(null);
    const wanted = reference.trim();
    setBusy(true);
    const { data, error, response } = await api.GET('/cases', { params: { query: { q: wanted || undefined, limit: 20 } } });
    setBusy(false);
    if (!response.ok || !data) {
      setCases(null);
      const problem = problemOf(error, response);
      const field = problem.errors?.find((e) => e.field === 'q');
      setCaseError([field ? { text: `Case reference ${field.message}`, href: '#case-reference' } : { text: problem.detail }]);
      return;
    }
    setCaseError([]);
    const exact = data.items.find((c) => c.reference.toUpperCase() === wanted.toUpperCase());
    if (exact) {
      setCases(null);
      await openCase(exact.id);
    } else {
      setCases(data.items);
    }
  };

  // one array while nothing changes: the summary takes focus only when its errors do
  const errors = useMemo(() => [...staffError, ...caseError], [staffError, caseError]);
  return (
    <Page title={errors.length ? 'Error: Subject-access export' : 'Subject-access export'} before={<Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <p className="govuk-body">
            Everything the school holds about a member of staff (UK GDPR Article 15, §13 of the policy). Choose the person: from the staff directory, or from a
            case they are named in. Nobody runs an export of themselves. The same lists offer the reference check: what may be said about the person in a
            reference.
          </p>

          <h2 className="govuk-heading-m">Search the staff directory</h2>
          <form onSubmit={searchStaff} noValidate>
            <Input
              id="staff-name"
              label="Name"
              hint="Part of a name is enough. Leave empty to list everyone."
              spellCheck={false}
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={staffError[0]?.href === '#staff-name' ? staffError[0].text : undefined}
            />
            <Button variant="secondary" disabled={busy}>
              Search the directory
            </Button>
          </form>
          {staff &&
            (staff.length ? (
              <Table<Staff>
                caption={staff.length === 1 ? '1 person found' : `${staff.length} people found`}
                captionSize="s"
                rows={staff}
                rowKey={(s) => s.id}
                columns={[
                  { header: 'Name', cell: (s) => s.name },
                  { header: 'Job title', cell: (s) => s.jobTitle ?? '' },
                  { header: 'Export', cell: (s) => exportLink(s.id, s.name) },
                  { header: 'Reference', cell: (s) => referenceLink(s.id, s.name) },
                ]}
              />
            ) : (
              <p className="govuk-body" role="status">
                Nobody in the directory matches.
              </p>
            ))}

          <h2 className="govuk-heading-m">Or find them through a case</h2>
          <form onSubmit={searchCases} noValidate>
            <Input
              id="case-reference"
              label="Case reference"
              hint="For example, SMP-2026-0007. The case’s subjects, reporter and witnesses who are in the staff directory are listed. Leave empty to list recent cases."
              spellCheck={false}
              autoComplete="off"
              width="20"
              value={reference}
              onChange={(event) => setReference(event.target.value)}
              error={caseError[0]?.href ? caseError[0].text : undefined}
            />
            <Button variant="secondary" disabled={busy}>
              Find the case
            </Button>
          </form>
          {cases &&
            (cases.length ? (
              <Table<CaseItem>
                caption="Cases that match"
                captionSize="s"
                rows={cases}
                rowKey={(c) => c.id}
                columns={[
                  { header: 'Reference', cell: (c) => c.reference },
                  { header: 'Status', cell: (c) => STATUS_NAMES[c.status] ?? c.status },
                  {
                    header: 'People',
                    cell: (c) => (
                      <button type="button" className="govuk-link app-link-button" disabled={busy} onClick={() => void openCase(c.id)}>
                        Show who is named<span className="govuk-visually-hidden"> in case {c.reference}</span>
                      </button>
                    ),
                  },
                ]}
              />
            ) : (
              <p className="govuk-body" role="status">
                No case you can see has that reference.
              </p>
            ))}
          {people &&
            (people.people.length ? (
              <Table<Person>
                caption={`People named in case ${people.reference}`}
                captionSize="s"
                rows={people.people}
                rowKey={(p) => `${p.capacity}-${p.staffId}`}
                columns={[
                  { header: 'Name', cell: (p) => p.name },
                  { header: 'Named as', cell: (p) => CAPACITY_NAMES[p.capacity] },
                  { header: 'Export', cell: (p) => exportLink(p.staffId, p.name) },
                  { header: 'Reference', cell: (p) => referenceLink(p.staffId, p.name) },
                ]}
              />
            ) : (
              <p className="govuk-body" role="status">
                Nobody named in case {people.reference} is in the staff directory.
              </p>
            ))}
        </div>
      </div>
    </Page>
  );
}
