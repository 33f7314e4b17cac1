import type { PersonRef } from '../cases/dto/case.dto';
import type { CaseResponse } from '../cases/dto/case.dto';
import { DomainError } from '../common/errors/domain-error';
import { fillTemplate } from './letter-template.rules';
import { LetterKind, letterDate, LetterSource } from './letter-kind';

/** The organisation's letterhead (process.md §2): its name, address and who signs. */
export interface Letterhead {
  name: string;
  address: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
}

/** A letter, ready to be written as PDF (letter-pdf.ts) or DOCX (letter-docx.ts): plain data. */
export interface LetterDocument {
  kind: string;
  title: string;
  reference: string;
  letterhead: { name: string; addressLines: string[] };
  /** The date on the letter, as a UK letter writes it. */
  date: string;
  /** ISO 8601: when it was generated. */
  generatedAt: string;
  recipient: string;
  paragraphs: string[];
  signatory: { name: string; title: string | null } | null;
}

export interface LetterInput {
  kind: LetterKind;
  /** The case as the letter's author may read it, special-category content withheld. */
  view: CaseResponse;
  recordId: string;
  subject: PersonRef;
  letterhead: Letterhead;
  /** The organisation's wording, or the kind's default. */
  body: string;
  now: Date;
}

/**
 * Fills the kind's wording from the case's records (nothing retyped) and frames it on the
 * letterhead: the date, who it is to, the heading and reference, the signature. Pure.
 */
export function assembleLetter(input: LetterInput): LetterDocument {
  const { kind, view, letterhead } = input;
  const signatoryName = letterhead.signatoryName?.trim() || null;
  const values: Record<string, string> = {
    subject_name: input.subject.name ?? '',
    case_reference: view.reference,
    school_name: letterhead.name,
    signatory_name: signatoryName ?? 'the school office',
    signatory_title: letterhead.signatoryTitle?.trim() ?? '',
    ...kind.values(view, input.recordId),
  };
  return {
    kind: kind.kind,
    title: kind.title,
    reference: view.reference,
    letterhead: { name: letterhead.name, addressLines: addressLines(letterhead.address) },
    date: letterDate(input.now),
    generatedAt: input.now.toISOString(),
    recipient: input.subject.name ?? '',
    paragraphs: fillTemplate(input.body, values),
    signatory: signatoryName ? { name: signatoryName, title: letterhead.signatoryTitle?.trim() || null } : null,
  };
}

/** The address as lines: one per line of the stored address, blank lines dropped. */
export function addressLines(address: string | null): string[] {
  return (address ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Which subject of the case a letter is to: the one named, or the only one. Several subjects
 * and none named: 400 naming `subject` (each gets their own letter).
 */
export function pickSubject(view: CaseResponse, subjectStaffId: string | undefined, source?: LetterSource): PersonRef & { staffId: string } {
  // a record about one subject (their suspension, their meeting) makes a letter to them only
  const subjects = view.subjects.filter(
    (s): s is PersonRef & { staffId: string } => s.staffId !== null && (source?.to === undefined || s.staffId === source.to),
  );
  if (subjectStaffId !== undefined) {
    const named = subjects.find((s) => s.staffId === subjectStaffId);
    if (!named) {
      throw DomainError.invalidField(
        'subject',
        source?.to !== undefined ? 'this record’s letter is to the subject it is about only' : 'is not a subject of this case',
      );
    }
    return named;
  }
  if (subjects.length === 1) return subjects[0];
  throw DomainError.invalidField('subject', 'the case has several subjects: name the one the letter is to (each gets their own)');
}

/**
 * The record the letter is made from: the one named, or the latest. None at all: 409
 * `letter_not_available`; one named that the case does not have: 404.
 */
export function pickSource(kind: LetterKind, view: CaseResponse, recordId: string | undefined): LetterSource {
  const sources = kind.sources(view);
  if (sources.length === 0) throw DomainError.conflict('letter_not_available', `The case has no record to make this letter from yet (${kind.step}).`);
  if (recordId === undefined) return sources[sources.length - 1];
  const found = sources.find((s) => s.recordId === recordId);
  if (!found) throw DomainError.notFound('Letter record');
  return found;
}
