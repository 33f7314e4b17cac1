import type { CaseResponse } from '../cases/dto/case.dto';
import { DomainError } from '../common/errors/domain-error';
import { LETTER_KINDS, letterKind } from './kinds';
import { addressLines, assembleLetter, Letterhead, pickSource, pickSubject } from './letter-assembly';
import { letterDate, warningPeriod } from './letter-kind';
import { letterPdfModel } from './letter-pdf';

const LETTERHEAD: Letterhead = {
  name: 'Werrington Primary School',
  address: '1 School Lane\nWerrington\n\nPE4 6QU',
  signatoryName: 'Pat Head',
  signatoryTitle: 'Headteacher',
};
const SUBJECT = { staffId: 's-1', name: 'Γιώργος Παπαδόπουλος محمد 王小明', jobTitle: null };
const NOW = new Date('2026-12-01T10:00:00.000Z');

/** The parts of a case view the letters read. */
function view(overrides: Partial<CaseResponse> = {}): CaseResponse {
  return {
    reference: 'SMP-2026-0042',
    subjects: [SUBJECT],
    allegations: [
      { id: 'a1', policyStandard: '7.5', category: null, summary: 'Named a colleague in a public post', finding: null, recordedByUserId: 'u', createdAt: '' },
      { id: 'a2', policyStandard: null, category: 'copyright', summary: 'Posted a parent’s photograph', finding: null, recordedByUserId: 'u', createdAt: '' },
      { id: 'a3', policyStandard: '7.7', category: null, summary: 'Not in the notice', finding: null, recordedByUserId: 'u', createdAt: '' },
    ],
    subjectNotifications: [{ id: 'n1', sentAt: '2026-11-20T09:00:00.000Z', method: 'letter', allegationIds: ['a1', 'a2'], recordedByUserId: 'u' }],
    outcome: {
      id: 'o1',
      sanction: 'first_written_warning',
      grossMisconduct: false,
      rationale: 'The post breached §7.5.',
      decidedAt: '2026-11-30T09:00:00.000Z',
      communicatedAt: null,
      warningExpiresAt: '2027-11-30T09:00:00.000Z',
      appealDeadline: '2026-12-14T23:59:00.000Z',
      separationWaiverReason: null,
      decidedByUserId: 'u',
      decidedByRole: 'headteacher',
    },
    appeals: [],
    hearings: [],
    suspensions: [],
    investigationMeetings: [],
    evidence: [],
    ...overrides,
  } as unknown as CaseResponse;
}

const letter = (kindName: string, v = view(), body?: string) => {
  const kind = letterKind(kindName)!;
  const source = pickSource(kind, v, undefined);
  return assembleLetter({ kind, view: v, recordId: source.recordId, subject: SUBJECT, letterhead: LETTERHEAD, body: body ?? kind.defaultBody, now: NOW });
};

describe('letter assembly (process.md §2: generated from the case’s own records)', () => {
  it('the notice lists the allegations the notice record names, each with its clause, and no other', () => {
    const text = letter('allegations_notice').paragraphs.join('\n');
    expect(text).toContain('Dear Γιώργος Παπαδόπουλος محمد 王小明,');
    expect(text).toContain('1. Named a colleague in a public post (§7.5 No confidential or personal information about the school, its staff or governors)');
    expect(text).toContain('2. Posted a parent’s photograph (App.A Breaching copyright)');
    expect(text).not.toContain('Not in the notice');
  });

  it('the investigation meeting invitation: time, place, purpose, not a hearing, no decision, the companion when allowed; a witness’s meeting makes none', () => {
    const meeting = (id: string, capacity: 'subject' | 'witness', accompaniedAllowed: boolean) => ({
      id,
      staffId: capacity === 'subject' ? 's-1' : 'w-1',
      name: 'x',
      capacity,
      scheduledFor: '2026-12-08T10:30:00.000Z',
      place: 'Meeting room 2',
      purpose: 'To hear your account of the post of 2 November',
      accompaniedAllowed,
      arrangedAt: '2026-12-01T09:00:00.000Z',
      recordedByUserId: 'u',
      withheld: false,
    });
    const kind = letterKind('investigation_meeting_invitation')!;
    const v = view({ investigationMeetings: [meeting('m1', 'subject', true), meeting('m2', 'witness', true)] });
    expect(kind.sources(v)).toEqual([{ recordId: 'm1', at: '2026-12-01T09:00:00.000Z', to: 's-1' }]);
    const text = letter('investigation_meeting_invitation', v).paragraphs.join('\n');
    expect(text).toContain('Dear Γιώργος Παπαδόπουλος محمد 王小明,');
    expect(text).toContain('an investigation meeting at 10:30am on 8 December 2026, at Meeting room 2.');
    expect(text).toContain('The meeting is about: To hear your account of the post of 2 November');
    expect(text).toContain('This is an investigation meeting, not a disciplinary hearing. No decision has been made');
    expect(text).toContain('You may be accompanied at the meeting by a work colleague or a trade union representative.');
    expect(text).toContain('Please keep this matter confidential');
    expect(text).toContain('please contact Pat Head');
    const alone = letter('investigation_meeting_invitation', view({ investigationMeetings: [meeting('m1', 'subject', false)] })).paragraphs.join('\n');
    expect(alone).not.toContain('accompanied at the meeting');
    expect(kind.sources(view({ investigationMeetings: [meeting('m2', 'witness', true)] }))).toEqual([]);
  });

  it('the outcome letter: sanction, reasons, the warning’s duration, the right of appeal (to whom, how, by when)', () => {
    const text = letter('outcome').paragraphs.join('\n');
    expect(text).toContain('on 30 November 2026 I decided: First written warning.');
    expect(text).toContain('The post breached §7.5.');
    expect(text).toContain('will remain live on your record for 12 months, until 30 November 2027');
    expect(text).toContain('write to the Chair of Governors, at the address above, in writing, setting out the grounds of your appeal, by 14 December 2026');
    expect(text).not.toContain('gross misconduct');
  });

  it('no action: no warning paragraph, and no appeal offered', () => {
    const v = view({ outcome: { ...view().outcome!, sanction: 'no_action', warningExpiresAt: null, appealDeadline: null } });
    const text = letter('outcome', v).paragraphs.join('\n');
    expect(text).not.toContain('remain live');
    expect(text).toContain('there is nothing to appeal against');
  });

  it('the appeal outcome: the result, its reasons and the sanction in force', () => {
    const v = view({
      appeals: [
        {
          id: 'ap1',
          lodgedAt: '2026-12-02T09:00:00.000Z',
          grounds: 'Too harsh',
          lodgedByUserId: 'u',
          result: 'varied',
          rationale: 'Informal action is proportionate.',
          newSanction: 'informal_action',
          newWarningExpiresAt: null,
          decidedByUserId: 'g',
          decidedByRole: 'governor',
          decidedAt: '2026-12-10T09:00:00.000Z',
        },
      ],
    } as Partial<CaseResponse>);
    const text = letter('appeal_outcome', v).paragraphs.join('\n');
    expect(text).toContain('Your appeal is upheld in part: the sanction is changed to: Informal action or management advice.');
    expect(text).toContain('Informal action is proportionate.');
    expect(text).toContain('The sanction now in force is: Informal action or management advice.');
    expect(text).toContain('decided on 10 December 2026');
  });

  it('an organisation’s wording is used, filled the same way', () => {
    const out = letter(
      'outcome',
      view(),
      'To {{subject_name}}: {{sanction}}.\n\n{{reasons}}\n\n{{warning_period}}\n\n{{right_of_appeal}}\n\n{{decision_date}}',
    );
    expect(out.paragraphs[0]).toBe('To Γιώργος Παπαδόπουλος محمد 王小明: First written warning.');
  });

  it('framed on the letterhead: name, address lines, signatory; the PDF model carries them', () => {
    const out = letter('outcome');
    expect(out.letterhead).toEqual({ name: 'Werrington Primary School', addressLines: ['1 School Lane', 'Werrington', 'PE4 6QU'] });
    expect(out.signatory).toEqual({ name: 'Pat Head', title: 'Headteacher' });
    expect(out.date).toBe('1 December 2026');
    const pdf = letterPdfModel(out);
    expect(pdf.title).toBe('Werrington Primary School');
    expect(pdf.subtitle).toBe('1 School Lane · Werrington · PE4 6QU');
    expect(JSON.stringify(pdf.blocks)).toContain('Pat Head\\nHeadteacher');
  });

  it('the hearing invitation (process.md §1): time and place, the allegations with their findings, the evidence relied on (special category sent separately), the right to be accompanied, the possible outcomes', () => {
    const hearing = {
      id: 'h1',
      kind: 'disciplinary',
      appealId: null,
      current: true,
      invitedAt: '2026-12-01T09:00:00.000Z',
      scheduledFor: '2026-12-14T10:30:00.000Z',
      place: 'Meeting room 2',
      evidenceIds: ['e1', 'e2'],
      possibleOutcomes: ['first_written_warning', 'dismissal_with_notice'],
    };
    const evidence = [
      { id: 'e1', kind: 'screenshot', description: 'Screenshot of the post' },
      { id: 'e2', kind: 'document', description: null },
    ];
    const allegations = [{ id: 'a1', policyStandard: '7.5', category: null, summary: 'Named a colleague', finding: { finding: 'substantiated' } }];
    const text = letter('hearing_invitation', view({ hearings: [hearing], evidence, allegations } as unknown as Partial<CaseResponse>)).paragraphs.join('\n');
    expect(text).toContain('10:30am on 14 December 2026, at Meeting room 2');
    expect(text).toContain('1. Named a colleague (§7.5');
    expect(text).toContain('the investigation found it substantiated');
    expect(text).toContain('1. Screenshot of the post (screenshot)');
    expect(text).toContain('2. an item of evidence sent separately to you');
    expect(text).toContain('a work colleague, a trade union representative, or an official employed by a trade union');
    expect(text).toContain('within five working days');
    expect(text).toMatch(/possible outcomes of the hearing are: first written warning, dismissal with notice/i);
    // a superseded invitation is no longer a source
    expect(() =>
      pickSource(letterKind('hearing_invitation')!, view({ hearings: [{ ...hearing, current: false }] } as unknown as Partial<CaseResponse>), undefined),
    ).toThrow(expect.objectContaining({ code: 'letter_not_available' }) as unknown as DomainError);
  });

  it('no record yet: 409 letter_not_available; a record the case does not have: 404', () => {
    const none = view({ outcome: null, appeals: [], subjectNotifications: [] });
    for (const kind of LETTER_KINDS) {
      expect(() => pickSource(kind, none, undefined)).toThrow(expect.objectContaining({ code: 'letter_not_available' }) as unknown as DomainError);
    }
    expect(() => pickSource(letterKind('outcome')!, view(), 'nope')).toThrow(expect.objectContaining({ code: 'not_found' }) as unknown as DomainError);
  });

  it('several subjects: each gets their own letter, so the subject must be named', () => {
    const two = view({ subjects: [SUBJECT, { staffId: 's-2', name: 'Sam Teacher' }] } as Partial<CaseResponse>);
    expect(() => pickSubject(two, undefined)).toThrow(expect.objectContaining({ code: 'validation_failed' }) as unknown as DomainError);
    expect(pickSubject(two, 's-2').name).toBe('Sam Teacher');
    expect(() => pickSubject(two, 's-9')).toThrow(expect.objectContaining({ code: 'validation_failed' }) as unknown as DomainError);
    // a record about one of them (their suspension, their meeting): the letter is to that subject only
    const theirs = { recordId: 'r', at: '2026-11-30T09:00:00.000Z', to: 's-2' };
    expect(pickSubject(two, undefined, theirs).staffId).toBe('s-2');
    expect(() => pickSubject(two, 's-1', theirs)).toThrow(expect.objectContaining({ code: 'validation_failed' }) as unknown as DomainError);
  });

  it('dates and periods as a UK letter writes them', () => {
    expect(letterDate('2026-06-30T23:30:00.000Z')).toBe('1 July 2026'); // UK summer time
    expect(warningPeriod('2026-11-30T09:00:00.000Z', '2027-05-30T09:00:00.000Z')).toBe('6 months');
    expect(warningPeriod('2026-11-30T09:00:00.000Z', '2026-12-10T09:00:00.000Z')).toBe('10 days');
    expect(warningPeriod('2026-12-01T10:00:00.000Z', '2027-05-30T10:00:00.000Z')).toBe('5 months and 29 days');
    expect(warningPeriod('2026-12-01T10:00:00.000Z', '2027-12-01T10:00:00.000Z')).toBe('12 months');
    expect(warningPeriod('2026-01-31T10:00:00.000Z', '2026-03-01T10:00:00.000Z')).toBe('1 month and 1 day');
    expect(addressLines(null)).toEqual([]);
  });
});
