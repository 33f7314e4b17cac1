/**
 * Seeds a benchmark database with COPY (2–5× faster than row by row): many organisations,
 * one "small" with SMALL cases and one "big" with BIG cases, each case with its report,
 * parties, an allegation and its `report.created` audit event on a valid hash chain. Staff
 * directories grow with the organisation (named from common first names and surnames, so a
 * surname search finds several people); cases past triage have a current investigating
 * manager; most safeguarding cases have their referral on record; cases past triage have their
 * triage date, decided and closed ones their outcome (an appeal on every fifth) and dates.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { chainHash, GENESIS_HASH, payloadDigest } from '../src/audit/audit-chain';
import { formatCaseReference } from '../src/cases/case-reference';
import { refreshOrganisationFigures } from '../src/statistics/case-figures.sql';

export interface SeedOptions {
  small: number;
  big: number;
  fillerOrganisations: number;
  fillerCases: number;
}

export interface SeededOrganisation {
  id: string;
  name: string;
  headUserId: string;
  deputyUserId: string;
  /** Investigating managers, each the current investigator of some of the cases past triage. */
  investigatorUserIds: string[];
  staffIds: string[];
  /** Staff names, by staff id. */
  staffNames: Map<string, string>;
  /** In creation order, oldest first. */
  caseIds: string[];
  /** The references, in the same order. */
  references: string[];
  cases: number;
}

export interface Seeded {
  small: SeededOrganisation;
  big: SeededOrganisation;
  fillers: SeededOrganisation[];
}

const STATUSES = ['reported', 'reported', 'investigation', 'investigation', 'awaiting_decision', 'decided', 'closed', 'closed', 'closed', 'reported'];
const PLATFORMS = ['facebook', 'twitter', 'instagram', 'whatsapp', 'other'];
const CATEGORIES = ['disrepute', 'confidentiality', 'copyright', 'discrimination_bullying_harassment', 'images_of_school_or_pupils'];
const STANDARDS = ['7.1', '7.3', '7.5', '7.6', '7.7', '8'];
const SANCTIONS = ['no_action', 'informal_action', 'first_written_warning', 'final_written_warning', 'dismissal_with_notice'];
const DAY = 86_400_000;
/** At least 40 staff; more in a big organisation, so each person is the subject of ~250 cases whatever its size (a trust has more staff, not busier ones). */
const staffFor = (cases: number) => Math.max(40, Math.ceil(cases / 250));
/** An investigating manager per ~1,000 cases (at least 2): each is the current investigator of ~700. */
const investigatorsFor = (cases: number) => Math.max(2, Math.ceil(cases / 1000));
/** Safeguarding cases with a referral on record: the rest are overdue (`GET /cases?overdue=true`) once past their due time. */
const REFERRED = 0.9;
const FIRST_NAMES = (
  'Aisha Alex Amelia Ben Chloe Daniel Ella Emily Fatima George Grace Hannah Harry Isla Jack James Jessica Joshua ' +
  'Katie Liam Lucy Mia Mohammed Noah Olivia Oscar Priya Rachel Ryan Sam Sophie Thomas Tom Zara Chen Kwame Niamh ' +
  'Siobhan Rhys Agnieszka Yusuf Leah Ethan Ava Logan Freya Adam Poppy Ibrahim Ruby Max Evie Dylan Layla Kai Maryam ' +
  'Luca Erin Imogen Jacob'
).split(' ');
const LAST_NAMES = (
  'Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Robinson Wright Thompson Evans Walker White ' +
  'Roberts Green Hall Wood Jackson Clarke Khan Hughes Edwards Lewis Harris Martin Cooper Hill Ward Morris Moore ' +
  'Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young ' +
  'Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan-Ali ' +
  'Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali ' +
  'Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher ' +
  "Stevens Jenkins Murray Dixon Harvey Nowak Okafor O'Brien"
).split(' ');
/**
 * The `s`th staff member's name: every first name with every surname (6,120 names), each once
 * in the deployment, so a search for one person finds that person's cases; surnames repeat
 * (in the big organisation, each ~40 times: a search for one finds several people).
 */
function staffName(s: number): string {
  const first = s % FIRST_NAMES.length;
  const round = Math.floor(s / FIRST_NAMES.length);
  return `${FIRST_NAMES[first]} ${LAST_NAMES[(round + 7 * first) % LAST_NAMES.length]}`;
}

/** Cases are spread over the five years before this instant. */
const END = Date.parse('2026-11-01T00:00:00.000Z');
const SPAN = 5 * 365 * 86_400_000;

/** COPY text format: \N for null; backslash, tab, newline escaped. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copy(client: Client, table: string, columns: string[], rows: Iterable<unknown[]>): Promise<number> {
  let count = 0;
  function* lines() {
    let chunk = '';
    for (const row of rows) {
      chunk += row.map(field).join('\t') + '\n';
      count++;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  return count;
}

/** A deterministic pseudo-random sequence, so runs are comparable. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedBenchmark(url: string, options: SeedOptions, log: (m: string) => void): Promise<Seeded> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const rnd = random(42);
  // the dates of triage, decision and closure from a sequence of their own: the rest of the seed is as it was
  const rndDates = random(12);
  const passwordHash = 'scrypt$14$8$1$' + Buffer.alloc(16).toString('base64') + '$' + Buffer.alloc(32).toString('base64'); // never used to log in
  const orgs: SeededOrganisation[] = [];
  const plan: Array<{ name: string; cases: number }> = [
    { name: 'Small Primary (bench)', cases: options.small },
    { name: 'Big Trust (bench)', cases: options.big },
    ...Array.from({ length: options.fillerOrganisations }, (_, i) => ({ name: `Filler School ${i + 1} (bench)`, cases: options.fillerCases })),
  ];
  try {
    await client.query('BEGIN');
    for (const p of plan) {
      orgs.push({
        id: randomUUID(),
        name: p.name,
        headUserId: randomUUID(),
        deputyUserId: randomUUID(),
        investigatorUserIds: Array.from({ length: investigatorsFor(p.cases) }, () => randomUUID()),
        staffIds: [],
        staffNames: new Map(),
        caseIds: [],
        references: [],
        cases: p.cases,
      });
    }
    const now = new Date();
    await copy(
      client,
      'organisations',
      ['id', 'name', 'created_at'],
      orgs.map((o) => [o.id, o.name, now]),
    );
    // one account a membership (process.md §7), the account taking the membership's id
    const members = orgs.flatMap((o, i) => [
      [o.headUserId, o.id, `head${i}@bench.example`, `Head ${i}`, '{headteacher}'],
      [o.deputyUserId, o.id, `deputy${i}@bench.example`, `Deputy ${i}`, '{deputy_head}'],
      ...o.investigatorUserIds.map((id, n) => [id, o.id, `investigator${i}-${n}@bench.example`, `Investigator ${i}-${n}`, '{investigating_manager}']),
    ]);
    await copy(
      client,
      'accounts',
      ['id', 'email', 'password_hash', 'created_at', 'updated_at'],
      members.map(([id, , email]) => [id, email, passwordHash, now, now]),
    );
    await copy(
      client,
      'users',
      ['id', 'organisation_id', 'account_id', 'email', 'name', 'roles', 'active', 'created_at', 'updated_at'],
      members.map(([id, organisationId, email, name, roles]) => [id, organisationId, id, email, name, roles, true, now, now]),
    );
    // one session per bench user, its id the user's own, for benchToken (sessions: docs/sessions.md)
    await client.query(
      `INSERT INTO sessions (id, organisation_id, user_id, sign_in_method, created_at, last_used_at, expires_at, access_not_before, refresh_token_hash)
       SELECT id, organisation_id, id, 'password', $1, $1, $1::timestamptz + interval '24 hours', $1::timestamptz - interval '1 hour', sha256(id::text::bytea)
       FROM users WHERE organisation_id = ANY($2::uuid[])`,
      [now, orgs.map((o) => o.id)],
    );
    const staffRows: unknown[][] = [];
    let named = 0;
    for (const o of orgs) {
      for (let s = 0; s < staffFor(o.cases); s++) {
        const id = randomUUID();
        o.staffIds.push(id);
        const userId = s === 0 ? o.headUserId : s === 1 ? o.deputyUserId : null;
        const name = staffName(named++);
        o.staffNames.set(id, name);
        staffRows.push([id, o.id, name, null, s === 0 ? 'Headteacher' : s === 1 ? 'Deputy Headteacher' : 'Teacher', userId, now]);
      }
    }
    await copy(client, 'staff_members', ['id', 'organisation_id', 'name', 'email', 'job_title', 'user_id', 'created_at'], staffRows);

    for (const o of orgs) {
      const started = Date.now();
      // Cases in creation order, each with its year's next reference number.
      const cases: Array<{
        id: string;
        createdAt: Date;
        reference: string;
        status: string;
        subject: string;
        safeguarding: boolean;
        investigator: string | null;
        referred: boolean;
        /** Past triage: when (1–10 days after the report); closed: when (the decision + 20 days, or at triage); decided: when. */
        triagedAt: Date | null;
        decidedAt: Date | null;
        closedAt: Date | null;
      }> = [];
      const counters = new Map<number, number>();
      for (let n = 0; n < o.cases; n++) {
        const createdAt = new Date(END - SPAN + Math.floor((SPAN * (n + rnd())) / o.cases));
        const year = createdAt.getUTCFullYear();
        const number = (counters.get(year) ?? 0) + 1;
        counters.set(year, number);
        const subject = o.staffIds[2 + Math.floor(rnd() * (o.staffIds.length - 2))];
        const status = STATUSES[n % STATUSES.length];
        const triagedAt = status === 'reported' ? null : new Date(createdAt.getTime() + Math.floor(rndDates() * 10 * DAY));
        // a third of the closed cases closed at triage; the rest decided (GET /statistics' outcomes and working days)
        const closedAtTriage = status === 'closed' && n % 3 === 0;
        const decidedAt =
          status === 'decided' || (status === 'closed' && !closedAtTriage) ? new Date(triagedAt!.getTime() + Math.floor((10 + rndDates() * 50) * DAY)) : null;
        const closedAt = status === 'closed' ? (closedAtTriage ? triagedAt : new Date(decidedAt!.getTime() + 20 * DAY)) : null;
        cases.push({
          id: randomUUID(),
          createdAt,
          reference: formatCaseReference(year, number),
          status,
          subject,
          safeguarding: rnd() < 0.2,
          investigator: status === 'reported' ? null : o.investigatorUserIds[Math.floor(rnd() * o.investigatorUserIds.length)],
          referred: rnd() < REFERRED,
          triagedAt,
          decidedAt,
          closedAt,
        });
      }
      o.caseIds = cases.map((c) => c.id);
      o.references = cases.map((c) => c.reference);
      await copy(
        client,
        'cases',
        [
          'id',
          'organisation_id',
          'reference',
          'status',
          'safeguarding',
          'investigator_user_id',
          'triage_decision',
          'triaged_at',
          'triaged_by_user_id',
          'closed_at',
          'created_at',
          'updated_at',
        ],
        cases.map((c) => [
          c.id,
          o.id,
          c.reference,
          c.status,
          c.safeguarding,
          c.investigator,
          c.triagedAt ? (c.status === 'closed' && !c.decidedAt ? 'no_further_action' : 'investigate') : null,
          c.triagedAt,
          c.triagedAt ? o.deputyUserId : null,
          c.closedAt,
          c.createdAt,
          c.createdAt,
        ]),
      );
      // The outcome of every decided case (the sanctions in turn), and an appeal on every fifth
      const decided = cases.filter((c) => c.decidedAt);
      const outcomeIds = decided.map(() => randomUUID());
      await copy(
        client,
        'outcomes',
        ['id', 'organisation_id', 'case_id', 'recorded_by_user_id', 'created_at', 'sanction', 'gross_misconduct', 'rationale', 'decided_at', 'decided_by_role'],
        decided.map((c, i) => [
          outcomeIds[i],
          o.id,
          c.id,
          o.headUserId,
          c.decidedAt,
          SANCTIONS[i % SANCTIONS.length],
          false,
          'Outcome',
          c.decidedAt,
          'headteacher',
        ]),
      );
      await copy(
        client,
        'appeals',
        ['id', 'organisation_id', 'case_id', 'outcome_id', 'recorded_by_user_id', 'created_at', 'lodged_at', 'grounds', 'result', 'decided_at'],
        decided.flatMap((c, i) =>
          i % 5 === 0 ? [[randomUUID(), o.id, c.id, outcomeIds[i], o.headUserId, c.decidedAt, c.decidedAt, 'Too harsh', 'dismissed', c.decidedAt]] : [],
        ),
      );
      await copy(
        client,
        'safeguarding_referrals',
        ['id', 'organisation_id', 'case_id', 'referred_to', 'referred_at', 'notes', 'recorded_by_user_id', 'created_at'],
        cases
          .filter((c) => c.safeguarding && c.referred)
          .map((c) => [randomUUID(), o.id, c.id, 'Designated safeguarding lead', c.createdAt, null, o.deputyUserId, c.createdAt]),
      );
      await copy(
        client,
        'reports',
        [
          'id',
          'organisation_id',
          'case_id',
          'platform',
          'platform_other',
          'observed_at',
          'description',
          'url',
          'category',
          'policy_standards',
          'involves_pupils',
          'may_meet_harm_threshold',
          'logged_by_user_id',
          'created_at',
        ],
        cases.map((c, i) => {
          const platform = PLATFORMS[i % PLATFORMS.length];
          return [
            randomUUID(),
            o.id,
            c.id,
            platform,
            platform === 'other' ? 'TikTok' : null,
            c.createdAt,
            `Post ${i} criticising a colleague by name; screenshots supplied by a parent.`,
            `https://social.example/p/${i}`,
            CATEGORIES[i % CATEGORIES.length],
            `{${STANDARDS[i % STANDARDS.length]}}`,
            c.safeguarding,
            false,
            o.deputyUserId,
            c.createdAt,
          ];
        }),
      );
      await copy(
        client,
        'case_parties',
        ['id', 'organisation_id', 'case_id', 'capacity', 'staff_id', 'name', 'relationship', 'created_at'],
        (function* () {
          for (const c of cases) {
            yield [randomUUID(), o.id, c.id, 'subject', c.subject, null, null, c.createdAt];
            yield [randomUUID(), o.id, c.id, 'reporter', null, 'A Parent', 'parent', c.createdAt];
          }
        })(),
      );
      await copy(
        client,
        'allegations',
        ['id', 'organisation_id', 'case_id', 'recorded_by_user_id', 'created_at', 'policy_standard', 'category', 'summary'],
        cases
          .filter((c) => c.status !== 'reported')
          .map((c, i) => [randomUUID(), o.id, c.id, o.headUserId, c.createdAt, STANDARDS[i % STANDARDS.length], null, 'Posted about a colleague']),
      );
      await copy(
        client,
        'case_reference_counters',
        ['organisation_id', 'year', 'last'],
        [...counters].map(([year, last]) => [o.id, year, last]),
      );
      // The audit chain: organisation.created, then one report.created per case, hashed in order.
      let prev = GENESIS_HASH;
      let seq = 0;
      const events = (function* () {
        const link = (fields: {
          occurredAt: Date;
          actorUserId: string | null;
          actorRole: string | null;
          action: string;
          caseId: string | null;
          entityType: string;
          entityId: string;
          payload: Record<string, unknown>;
        }) => {
          seq++;
          const payloadJson = JSON.stringify(fields.payload);
          const digest = payloadDigest(payloadJson);
          const chained = { seq, organisationId: o.id, id: randomUUID(), reason: null, payloadDigest: digest, ...fields };
          const hash = chainHash(prev, chained);
          const row = [
            o.id,
            seq,
            chained.id,
            fields.occurredAt,
            fields.actorUserId,
            fields.actorRole,
            fields.action,
            fields.caseId,
            fields.entityType,
            fields.entityId,
            null,
            payloadJson,
            digest,
            prev,
            hash,
          ];
          prev = hash;
          return row;
        };
        yield link({
          occurredAt: new Date(END - SPAN - 1000),
          actorUserId: null,
          actorRole: null,
          action: 'organisation.created',
          caseId: null,
          entityType: 'organisation',
          entityId: o.id,
          payload: { name: o.name },
        });
        for (const c of cases) {
          yield link({
            occurredAt: c.createdAt,
            actorUserId: o.deputyUserId,
            actorRole: 'deputy_head',
            action: 'report.created',
            caseId: c.id,
            entityType: 'case',
            entityId: c.id,
            payload: { reference: c.reference },
          });
        }
      })();
      await copy(
        client,
        'audit_events',
        [
          'organisation_id',
          'seq',
          'id',
          'occurred_at',
          'actor_user_id',
          'actor_role',
          'action',
          'case_id',
          'entity_type',
          'entity_id',
          'reason',
          'payload',
          'payload_digest',
          'prev_hash',
          'hash',
        ],
        events,
      );
      await client.query(`INSERT INTO audit_chain_heads (organisation_id, last_seq, last_hash) VALUES ($1, $2, $3)`, [o.id, seq, prev]);
      // the figures for governors the case runner would have kept as these cases moved (GET /statistics reads them)
      await refreshOrganisationFigures(client, o.id);
      if (o.cases >= 10_000) log(`  ${o.name}: ${o.cases.toLocaleString('en-GB')} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return { small: orgs[0], big: orgs[1], fillers: orgs.slice(2) };
}

/**
 * A HS256 token the API accepts (same secret, issuer and audience as src/auth/jwt.strategy.ts), in
 * the session seeded for the user (its id is the user's): the bench servers run with a 24-hour idle limit.
 */
export function benchToken(secret: string, userId: string, organisationId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, org: organisationId, sid: userId, iat: now, exp: now + 6 * 3600, iss: 'smp-casework', aud: 'smp-casework-api' })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
