import { Fragment, type ReactNode } from 'react';
import { Link, SummaryCard, SummaryList, Table, Tag, type SummaryRow } from '../../components';
import { formatDateTime, ROLE_NAMES } from '../../lib/format';
import { Hash } from '../../lib/hash';
import { choice, PolicyWords, type Policy } from '../../lib/policy-words';
import {
  APPEAL_RESULT_NAMES,
  CAPACITY_NAMES,
  DECIDER_WORDS,
  EVIDENCE_KIND_NAMES,
  FINDING_NAMES,
  MONITORING_STATUS_NAMES,
  NOTICE_METHOD_NAMES,
  SENSITIVITY_NAMES,
  type CaseView,
} from './words';
import { REFERRAL_BODY_NAMES } from '../../lib/words';
import { Hearings } from './hearings';
import { GrievanceCards } from './grievances';
import { Suspensions } from './suspensions';

type Evidence = CaseView['evidence'][number];
type Person = CaseView['subjects'][number];

/** What a withheld item says: the API has left its content out for this reader, and why. */
const WITHHELD_STATEMENT = 'Withheld: as a reporter or witness of this case you do not see other people’s statements or evidence.';
const WITHHELD_SPECIAL =
  'Withheld: special category data. Only the investigating manager, the person deciding the case and the appeal panel read it; you see that it exists.';

function Withheld({ text = WITHHELD_STATEMENT }: { text?: string }) {
  return (
    <span data-testid="withheld">
      <Tag colour="grey">Withheld</Tag> <span className="govuk-body">{text}</span>
    </span>
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const orNone = (value: string | null | undefined, none = 'Not recorded') => (value ? value : none);
const erasedOr = (value: string | null) => (value === null ? 'Erased under the retention policy (§13)' : value);

/** Text as the person typed it, line breaks kept. */
function Text({ children }: { children: string }) {
  const lines = children.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A section of summary cards, one per record (its title, its rows and anything after them); none: no section. */
function Cards<T extends { id: string }>({
  id,
  title,
  items,
  card,
}: {
  id: string;
  title: string;
  items: T[];
  card: (item: T, i: number) => { title: string; actions?: { text: string; href: string }[]; rows: SummaryRow[]; after?: ReactNode };
}) {
  if (!items.length) return null;
  return (
    <Section id={id} title={title}>
      {items.map((item, i) => {
        const { title: cardTitle, actions, rows, after } = card(item, i);
        return (
          <SummaryCard key={item.id} title={cardTitle} actions={actions}>
            <SummaryList rows={rows} />
            {after}
          </SummaryCard>
        );
      })}
    </Section>
  );
}

function personWords(person: Person): string {
  const name = person.name ?? 'Name not recorded';
  const about = person.jobTitle ?? person.relationship;
  return about ? `${name} (${about})` : name;
}

function People({ people, none }: { people: Person[]; none: string }) {
  if (!people.length) return <>{none}</>;
  if (people.length === 1) return <>{personWords(people[0])}</>;
  return (
    <ul className="govuk-list">
      {people.map((person, i) => (
        <li key={`${person.staffId ?? person.name}-${i}`}>{personWords(person)}</li>
      ))}
    </ul>
  );
}

/**
 * Everything recorded on the case, as the API shows it to this reader: each section from the
 * case view, withheld items saying so, the policy's words beside each clause. Sections with
 * nothing recorded yet are left out (the next step says what comes next).
 */
export function CaseRecord({ view, policy, me }: { view: CaseView; policy: Policy | undefined; me: string }) {
  const byMe = (userId: string | null | undefined) => (userId && userId === me ? ' by you' : '');
  const evidenceNumber = new Map(view.evidence.map((item, i) => [item.id, i + 1]));
  const allegationNumber = new Map(view.allegations.map((a, i) => [a.id, i + 1]));
  const evidenceHref = (item: Evidence) => `/cases/${view.id}/evidence/${item.id}`;
  const allegationList = (ids: string[]) => (ids.length ? ids.map((aid) => `Allegation ${allegationNumber.get(aid) ?? '?'}`).join(', ') : 'None');
  return (
    <>
      <Safeguarding view={view} byMe={byMe} />
      <Kcsie view={view} byMe={byMe} />
      <Suspensions
        view={view}
        section={(cards) => (
          <Section id="suspensions" title="Precautionary suspension">
            {cards}
          </Section>
        )}
        text={(value) => <Text>{value}</Text>}
        withheld={<Withheld />}
      />

      <Section id="people" title="People">
        <SummaryList
          rows={[
            { key: view.subjects.length === 1 ? 'Subject' : 'Subjects', value: <People people={view.subjects} none="None recorded" /> },
            { key: 'Reported by', value: view.reporter ? personWords(view.reporter) : 'Not recorded' },
            { key: 'Witnesses', value: <People people={view.witnesses} none="None recorded" /> },
          ]}
        />
      </Section>

      <Cards
        id="reports"
        title={view.reports.length === 1 ? 'The report' : 'Reports'}
        items={view.reports}
        card={(report, i) => ({
          title: view.reports.length === 1 ? `Logged ${formatDateTime(report.createdAt)}` : `Report ${i + 1}, logged ${formatDateTime(report.createdAt)}`,
          rows: [
            {
              key: 'Platform',
              value: <PolicyWords choice={choice(policy?.platforms, report.platform)} extra={report.platformOther ? `: ${report.platformOther}` : undefined} />,
            },
            { key: 'Seen', value: formatDateTime(report.observedAt) },
            { key: 'What was seen', value: report.withheld ? <Withheld /> : <Text>{erasedOr(report.description)}</Text> },
            { key: 'Web address', value: report.withheld ? <Withheld /> : orNone(report.url, 'None given') },
            { key: 'Category (Appendix A)', value: <PolicyWords choice={choice(policy?.categories, report.category)} /> },
            {
              key: 'Standards it may breach',
              value: report.policyStandards.length ? (
                <ul className="govuk-list">
                  {report.policyStandards.map((standard) => (
                    <li key={standard}>
                      <PolicyWords choice={choice(policy?.standards, standard)} />
                    </li>
                  ))}
                </ul>
              ) : (
                'None given'
              ),
            },
            { key: 'Pupils involved', value: yesNo(report.involvesPupils) },
            { key: 'May meet the harm threshold', value: yesNo(report.mayMeetHarmThreshold) },
            { key: 'Logged', value: `${formatDateTime(report.createdAt)}${byMe(report.loggedByUserId)}` },
          ],
        })}
      />

      {view.triage && (
        <Section id="triage" title="Triage">
          <SummaryList
            rows={[
              { key: 'Decision', value: <PolicyWords choice={choice(policy?.triageDecisions, view.triage.decision)} /> },
              { key: 'Reasons', value: <Text>{erasedOr(view.triage.rationale)}</Text> },
              { key: 'Triaged', value: `${formatDateTime(view.triage.triagedAt)}${byMe(view.triage.triagedByUserId)}` },
            ]}
          />
        </Section>
      )}

      {view.assignments.length > 0 && (
        <Section id="assignments" title="Investigating manager">
          <Table
            caption="Appointments"
            captionSize="s"
            rows={view.assignments}
            rowKey={(a) => `${a.investigatorUserId}-${a.assignedAt}`}
            columns={[
              { header: 'Investigating manager', cell: (a) => (a.investigatorUserId === me ? 'You' : 'An investigating manager') },
              { header: 'Appointed', cell: (a) => `${formatDateTime(a.assignedAt)}${byMe(a.assignedByUserId)}` },
              { header: 'Until', cell: (a) => (a.endedAt ? `${formatDateTime(a.endedAt)} (replaced)` : 'Now') },
            ]}
          />
        </Section>
      )}

      <Cards
        id="allegations"
        title="Allegations and findings"
        items={view.allegations}
        card={(allegation, i) => ({
          title: `Allegation ${i + 1}`,
          rows: [
            ...(allegation.policyStandard ? [{ key: 'Standard', value: <PolicyWords choice={choice(policy?.standards, allegation.policyStandard)} /> }] : []),
            ...(allegation.category ? [{ key: 'Category (Appendix A)', value: <PolicyWords choice={choice(policy?.categories, allegation.category)} /> }] : []),
            { key: 'Allegation', value: <Text>{allegation.summary}</Text> },
            {
              key: 'Finding',
              value: allegation.finding ? (
                <>
                  <span className="govuk-!-display-block govuk-!-font-weight-bold">
                    {FINDING_NAMES[allegation.finding.finding] ?? allegation.finding.finding}
                  </span>
                  <Text>{allegation.finding.reasoning}</Text>
                </>
              ) : (
                'No finding yet'
              ),
            },
            ...(allegation.finding ? [{ key: 'Finding recorded', value: formatDateTime(allegation.finding.recordedAt) }] : []),
            { key: 'Recorded', value: `${formatDateTime(allegation.createdAt)}${byMe(allegation.recordedByUserId)}` },
          ],
        })}
      />

      <Cards
        id="facts"
        title="Facts"
        items={view.facts}
        card={(fact, i) => ({
          title: `Fact ${i + 1}: ${formatDateTime(fact.occurredAt)}`,
          rows: [
            { key: 'What happened', value: fact.withheld ? <Withheld /> : <Text>{erasedOr(fact.description)}</Text> },
            {
              key: 'Evidence',
              value: fact.evidenceIds.length ? (
                <ul className="govuk-list">
                  {fact.evidenceIds.map((evidenceId) => (
                    <li key={evidenceId}>
                      <Link href={`/cases/${view.id}/evidence/${evidenceId}`}>Evidence item {evidenceNumber.get(evidenceId) ?? ''}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                'None cited'
              ),
            },
          ],
        })}
      />

      <Cards
        id="interviews"
        title="Interviews and statements"
        items={view.interviews}
        card={(interview) => ({
          title: `${interview.name}: ${CAPACITY_NAMES[interview.capacity] ?? interview.capacity}`,
          rows: [
            { key: 'Held', value: formatDateTime(interview.heldAt) },
            { key: 'Accompanied by', value: orNone(interview.accompaniedBy, 'Nobody') },
            { key: 'Statement', value: interview.withheld ? <Withheld /> : <Text>{erasedOr(interview.statement)}</Text> },
          ],
        })}
      />

      <Cards
        id="investigation-meetings"
        title="Investigation meetings arranged"
        items={view.investigationMeetings}
        card={(meeting) => ({
          title: `${meeting.name}: ${CAPACITY_NAMES[meeting.capacity] ?? meeting.capacity}`,
          rows: [
            { key: 'When', value: meeting.withheld || !meeting.scheduledFor ? <Withheld /> : formatDateTime(meeting.scheduledFor) },
            { key: 'Where', value: meeting.withheld ? <Withheld /> : <Text>{erasedOr(meeting.place)}</Text> },
            { key: 'About', value: meeting.withheld ? <Withheld /> : <Text>{erasedOr(meeting.purpose)}</Text> },
            { key: 'May be accompanied', value: meeting.accompaniedAllowed ? 'Yes' : 'No' },
          ],
        })}
      />

      {(view.subjectNotifications.length > 0 || view.subjectResponses.length > 0) && (
        <Section id="notice" title="Written notice and response">
          {view.subjectNotifications.length > 0 && (
            <Table
              caption="The subject told of the allegations in writing"
              captionSize="s"
              rows={view.subjectNotifications}
              rowKey={(n) => n.id}
              columns={[
                { header: 'Sent', cell: (n) => formatDateTime(n.sentAt) },
                { header: 'How', cell: (n) => NOTICE_METHOD_NAMES[n.method] ?? n.method },
                { header: 'Allegations', cell: (n) => allegationList(n.allegationIds) },
              ]}
            />
          )}
          {view.subjectResponses.map((response, i) => (
            <SummaryCard key={response.id} title={view.subjectResponses.length === 1 ? 'The subject’s response' : `The subject’s response ${i + 1}`}>
              <SummaryList
                rows={[
                  { key: 'Received', value: formatDateTime(response.receivedAt) },
                  ...(response.refusedToRespond ? [{ key: 'Declined to respond', value: 'Yes' }] : []),
                  { key: 'Response', value: response.withheld ? <Withheld /> : <Text>{erasedOr(response.response)}</Text> },
                ]}
              />
            </SummaryCard>
          ))}
        </Section>
      )}

      {view.investigationReport && (
        <Section id="investigation-report" title="Investigation report">
          <SummaryList
            rows={[
              { key: 'Submitted', value: `${formatDateTime(view.investigationReport.submittedAt)}${byMe(view.investigationReport.submittedByUserId)}` },
              {
                key: 'Report',
                value: view.investigationReport.withheld ? (
                  <Withheld text="Withheld: a reporter or witness of the case does not read the investigation report." />
                ) : (
                  <Text>{erasedOr(view.investigationReport.summary)}</Text>
                ),
              },
            ]}
          />
        </Section>
      )}

      <Cards
        id="evidence"
        title="Evidence"
        items={view.evidence}
        card={(item, i) => ({
          title: `Evidence item ${i + 1}: ${EVIDENCE_KIND_NAMES[item.kind] ?? item.kind}`,
          actions: [{ text: 'View its custody trail', href: evidenceHref(item) }],
          rows: [
            {
              key: 'Description',
              value: item.withheld ? (
                <Withheld text={item.sensitivity === 'special_category' ? WITHHELD_SPECIAL : WITHHELD_STATEMENT} />
              ) : (
                orNone(item.description)
              ),
            },
            ...(item.withheld ? [] : [{ key: 'Source', value: orNone(item.source) }]),
            { key: 'Captured', value: formatDateTime(item.capturedAt) },
            { key: 'Sensitivity', value: SENSITIVITY_NAMES[item.sensitivity] ?? item.sensitivity },
            { key: 'SHA-256', value: <Hash className="govuk-body-s" value={item.sha256} /> },
            ...(item.size !== null || item.mediaType
              ? [
                  {
                    key: 'File',
                    value: [item.mediaType, item.size !== null ? `${item.size.toLocaleString('en-GB')} bytes` : null].filter(Boolean).join(', '),
                  },
                ]
              : []),
            ...(item.redactsEvidenceId ? [{ key: 'A redacted copy of', value: `Evidence item ${evidenceNumber.get(item.redactsEvidenceId) ?? ''}` }] : []),
            ...(item.monitoringAuthorisationId
              ? [
                  {
                    key: 'Obtained by monitoring',
                    value: `Monitoring request ${view.monitoring.findIndex((m) => m.id === item.monitoringAuthorisationId) + 1}`,
                  },
                ]
              : []),
            { key: 'Added', value: `${formatDateTime(item.createdAt)}${byMe(item.recordedByUserId)}` },
          ],
        })}
      />

      <Cards
        id="monitoring"
        title="Monitoring (§9, §11)"
        items={view.monitoring}
        card={(m, i) => ({
          title: `Monitoring request ${i + 1}`,
          rows: [
            {
              key: 'Status',
              value: (
                <>
                  <Tag colour={m.status === 'approved' ? 'green' : m.status === 'rejected' ? 'red' : 'yellow'}>
                    {MONITORING_STATUS_NAMES[m.status] ?? m.status}
                  </Tag>
                  {m.expired && (
                    <>
                      {' '}
                      <Tag colour="grey">Expired</Tag>
                    </>
                  )}
                </>
              ),
            },
            { key: 'Scope', value: <PolicyWords choice={choice(policy?.monitoringScopes, m.scope)} /> },
            { key: 'Reason', value: <PolicyWords choice={choice(policy?.monitoringReasons, m.reason)} /> },
            { key: 'Why it is needed', value: <Text>{m.justification}</Text> },
            { key: 'Why less intrusive means will not do', value: <Text>{m.proportionality}</Text> },
            { key: 'Period reviewed', value: `${formatDateTime(m.periodFrom)} to ${formatDateTime(m.periodTo)}` },
            { key: 'Systems or accounts', value: m.systems.join(', ') || 'None given' },
            { key: 'Expires', value: formatDateTime(m.expiresAt) },
            ...(m.allegationIds.length ? [{ key: 'Allegations', value: allegationList(m.allegationIds) }] : []),
            { key: 'Requested', value: `${formatDateTime(m.requestedAt)}${byMe(m.requestedByUserId)}` },
            ...(m.decidedAt
              ? [
                  {
                    key: 'Decided',
                    value: `${formatDateTime(m.decidedAt)}${m.decidedByRole ? ` by ${DECIDER_WORDS[m.decidedByRole] ?? m.decidedByRole}` : ''}${byMe(m.decidedByUserId) ? ' (you)' : ''}`,
                  },
                  { key: m.status === 'rejected' ? 'Reason for rejecting' : 'Note', value: <Text>{orNone(m.decisionNote, 'None')}</Text> },
                ]
              : []),
          ],
          after: (
            <>
              {m.disclosures.length > 0 && (
                <Table
                  caption="Disclosed to third parties for advice (§9)"
                  captionSize="s"
                  rows={m.disclosures}
                  rowKey={(d) => d.id}
                  columns={[
                    { header: 'To', cell: (d) => d.recipient },
                    { header: 'Why', cell: (d) => d.purpose },
                    { header: 'When', cell: (d) => formatDateTime(d.disclosedAt) },
                  ]}
                />
              )}
            </>
          ),
        })}
      />

      <Hearings view={view} me={me} />

      {view.outcome && (
        <Section id="outcome" title="Outcome (§12)">
          <SummaryList
            rows={[
              { key: 'Sanction', value: <PolicyWords choice={choice(policy?.sanctions, view.outcome.sanction)} /> },
              { key: 'Gross misconduct', value: yesNo(view.outcome.grossMisconduct) },
              { key: 'Reasons', value: <Text>{erasedOr(view.outcome.rationale)}</Text> },
              {
                key: 'Decided',
                value: `${formatDateTime(view.outcome.decidedAt)} by ${DECIDER_WORDS[view.outcome.decidedByRole] ?? view.outcome.decidedByRole}${byMe(view.outcome.decidedByUserId) ? ' (you)' : ''}`,
              },
              { key: 'Communicated in writing', value: view.outcome.communicatedAt ? formatDateTime(view.outcome.communicatedAt) : 'Not yet' },
              ...(view.outcome.warningExpiresAt ? [{ key: 'Warning expires', value: formatDateTime(view.outcome.warningExpiresAt) }] : []),
              ...(view.outcome.appealDeadline ? [{ key: 'Appeal deadline', value: formatDateTime(view.outcome.appealDeadline) }] : []),
              ...(view.outcome.separationWaiverReason
                ? [{ key: 'Decided by the investigating manager, because', value: <Text>{view.outcome.separationWaiverReason}</Text> }]
                : []),
            ]}
          />
        </Section>
      )}

      <Cards
        id="appeals"
        title="Appeals"
        items={view.appeals}
        card={(appeal, i) => ({
          title: view.appeals.length === 1 ? 'Appeal' : `Appeal ${i + 1}`,
          rows: [
            { key: 'Lodged', value: `${formatDateTime(appeal.lodgedAt)}${byMe(appeal.lodgedByUserId)}` },
            { key: 'Grounds', value: <Text>{erasedOr(appeal.grounds)}</Text> },
            ...(appeal.result
              ? [
                  { key: 'Result', value: APPEAL_RESULT_NAMES[appeal.result] ?? appeal.result },
                  { key: 'Reasons', value: <Text>{erasedOr(appeal.rationale)}</Text> },
                  ...(appeal.newSanction ? [{ key: 'New sanction', value: <PolicyWords choice={choice(policy?.sanctions, appeal.newSanction)} /> }] : []),
                  ...(appeal.newWarningExpiresAt ? [{ key: 'New warning expires', value: formatDateTime(appeal.newWarningExpiresAt) }] : []),
                  {
                    key: 'Decided',
                    value: `${appeal.decidedAt ? formatDateTime(appeal.decidedAt) : ''}${appeal.decidedByRole ? ` by ${DECIDER_WORDS[appeal.decidedByRole] ?? ROLE_NAMES[appeal.decidedByRole] ?? appeal.decidedByRole}` : ''}${byMe(appeal.decidedByUserId) ? ' (you)' : ''}`,
                  },
                ]
              : [{ key: 'Result', value: 'Not decided yet' }]),
          ],
        })}
      />

      <GrievanceCards view={view} byMe={byMe} />

      {view.sanctionInForce && (
        <Section id="sanction" title="Sanction in force">
          <p className="govuk-body">
            <PolicyWords choice={choice(policy?.sanctions, view.sanctionInForce)} />
          </p>
        </Section>
      )}

      <Section id="retention" title="Retention (§13)">
        <SummaryList rows={retentionRows(view)} />
      </Section>
    </>
  );
}

function retentionRows(view: CaseView): SummaryRow[] {
  const { retention } = view;
  return [
    { key: 'Closed', value: view.closedAt ? formatDateTime(view.closedAt) : 'Not closed' },
    { key: 'Kept until', value: retention.retainUntil ? formatDateTime(retention.retainUntil) : 'Set when the case is closed' },
    {
      key: 'Legal hold',
      value: retention.legalHold ? (
        <>
          <span className="govuk-!-display-block">On hold since {formatDateTime(retention.legalHold.placedAt)}: erasure is stopped.</span>
          <Text>{retention.legalHold.reason}</Text>
        </>
      ) : (
        'None'
      ),
    },
    ...(retention.erasedAt ? [{ key: 'Content erased', value: formatDateTime(retention.erasedAt) }] : []),
  ];
}

function Safeguarding({ view, byMe }: { view: CaseView; byMe: (userId: string) => string }) {
  const { safeguarding } = view;
  const clock = safeguarding.referralOverdue ? (
    <Tag colour="red">Overdue</Tag>
  ) : safeguarding.referrals.length ? (
    <Tag colour="green">Referred</Tag>
  ) : (
    <Tag colour="yellow">Not referred yet</Tag>
  );
  return (
    <Section id="safeguarding" title="Safeguarding (§5)">
      <SummaryList
        rows={[
          {
            key: 'Safeguarding matter',
            value: safeguarding.flagged ? (
              <>
                <Tag colour="red">Safeguarding</Tag> Pupils are involved, or the harm threshold may be met.
              </>
            ) : (
              'No'
            ),
          },
          ...(safeguarding.referralDueBy
            ? [
                {
                  key: 'Referral due by',
                  value: (
                    <span data-testid="referral-clock">
                      {formatDateTime(safeguarding.referralDueBy)} {clock}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {safeguarding.referrals.length > 0 && (
        <Table
          caption="Referrals"
          captionSize="s"
          rows={safeguarding.referrals}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Referred to', cell: (r) => r.referredTo },
            { header: 'When', cell: (r) => `${formatDateTime(r.referredAt)}${byMe(r.recordedByUserId) ? ' (recorded by you)' : ''}` },
            { header: 'Notes', cell: (r) => orNone(r.notes, 'None') },
          ]}
        />
      )}
    </Section>
  );
}

/**
 * KCSIE Part 4 (docs/kcsie.md): the LADO consultation's clock, the consultations (a late one
 * marked), the DBS / TRA referral decisions, and those the case still needs before it may close —
 * as the case view's `kcsie` says them. Nothing to say (not a safeguarding case, nothing
 * recorded): no section.
 */
function Kcsie({ view, byMe }: { view: CaseView; byMe: (userId: string) => string }) {
  const { lado, referralDecisions, referralDecisionsRequired } = view.kcsie;
  if (!lado.dueBy && !lado.consultations.length && !referralDecisions.length && !referralDecisionsRequired.length) return null;
  const clock = lado.overdue ? (
    <Tag colour="red">Overdue</Tag>
  ) : lado.consultations.length ? (
    <Tag colour="green">Consulted</Tag>
  ) : (
    <Tag colour="yellow">Not consulted yet</Tag>
  );
  const bodies = (list: string[]) => list.map((b) => REFERRAL_BODY_NAMES[b] ?? b).join(' and ');
  return (
    <Section id="kcsie" title="Keeping Children Safe in Education (Part 4)">
      <SummaryList
        rows={[
          ...(lado.dueBy
            ? [
                {
                  key: 'LADO to be consulted by',
                  value: (
                    <span data-testid="lado-clock">
                      {formatDateTime(lado.dueBy)} {clock}
                    </span>
                  ),
                },
              ]
            : []),
          ...(referralDecisionsRequired.length
            ? [
                {
                  key: 'Referral decisions',
                  value: <span data-testid="referral-decisions-required">Before the case may close: {bodies(referralDecisionsRequired)}.</span>,
                },
              ]
            : []),
        ]}
      />
      {lado.consultations.map((c, i) => (
        <SummaryCard key={c.id} title={`LADO consultation ${i + 1}`}>
          <SummaryList
            rows={[
              {
                key: 'When',
                value: (
                  <span data-testid="lado-consulted-at">
                    {formatDateTime(c.consultedAt)}
                    {c.late && (
                      <>
                        {' '}
                        <Tag colour="red">Late</Tag>
                      </>
                    )}
                  </span>
                ),
              },
              { key: 'The LADO', value: c.ladoName },
              { key: 'Advice', value: c.withheld || c.advice === null ? <Withheld /> : <Text>{c.advice}</Text> },
              { key: 'Harm threshold met', value: yesNo(c.thresholdMet) },
              ...(byMe(c.caseManagerUserId) ? [{ key: 'Case manager', value: 'You' }] : []),
              { key: 'Recorded', value: `${formatDateTime(c.createdAt)}${byMe(c.recordedByUserId)}` },
            ]}
          />
        </SummaryCard>
      ))}
      {referralDecisions.map((d) => (
        <SummaryCard key={d.id} title={`${REFERRAL_BODY_NAMES[d.body] ?? d.body} referral decision`}>
          <SummaryList
            rows={[
              { key: 'Decision', value: d.referred ? 'Referred' : 'Not referred' },
              ...(d.referred ? [{ key: 'Referred', value: d.referredAt ? formatDateTime(d.referredAt) : 'Not recorded' }] : []),
              ...(!d.referred
                ? [{ key: 'Why not', value: d.withheld || d.reasonNotReferred === null ? <Withheld /> : <Text>{d.reasonNotReferred}</Text> }]
                : []),
              { key: 'Recorded', value: `${formatDateTime(d.createdAt)}${byMe(d.recordedByUserId)}` },
            ]}
          />
        </SummaryCard>
      ))}
    </Section>
  );
}
