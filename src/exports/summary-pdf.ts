import { DocumentBlock, PdfDocumentModel } from '../documents/document-model';
import {
  CaseSummaryDocument,
  CaseSummaryResponse,
  CaseTombstoneResponse,
  SummaryDates,
  SummaryGrievance,
  SummaryHearing,
  SummaryKcsie,
  SummaryLetter,
  SummarySuspension,
} from './dto/case-summary.dto';
import { formatDateTime, formatSize, humanise } from './pdf-text';

/**
 * The HR case summary as a printable A4 document a person would file: title, school,
 * reference, one section per stage of the case, and on every page a footer with when it was
 * generated and "Page n of m". Built as a document model (documents/document-model.ts) that
 * PdfRenderer renders off the event loop, with a font for whatever script a name is written
 * in; a summary too big for the document bounds is cut with a note pointing to the JSON.
 */
export function summaryPdfDocument(document: CaseSummaryDocument, context: { school: string; generatedAt: Date }): PdfDocumentModel {
  const pdf = new Blocks();
  if (document.erased) writeTombstone(pdf, document);
  else writeSummary(pdf, document);
  return {
    title: `HR case summary: ${document.reference}`,
    subtitle: context.school,
    blocks: pdf.blocks,
    footer: `Generated ${formatDateTime(context.generatedAt.toISOString())} · ${document.reference} · Confidential: personal data (§13)`,
    metadata: {
      title: `HR case summary ${document.reference}`,
      author: context.school,
      subject: 'Disciplinary case summary under the social media policy',
      createdAt: context.generatedAt.toISOString(),
      language: 'en-GB',
    },
    truncationHint: 'see the JSON summary (GET /cases/:id/summary) for the rest',
  };
}

function writeTombstone(pdf: Blocks, t: CaseTombstoneResponse): void {
  pdf.note(`The content of this case was erased on ${formatDateTime(t.erasedAt)} under the retention policy (§13). Only this record remains.`);
  pdf.section('Case');
  pdf.field('Reference', t.reference);
  pdf.field('Status', humanise(t.status));
  pdf.field('Outcome', humanise(t.outcomeCategory));
  pdf.field('Erased', formatDateTime(t.erasedAt));
  writeDates(pdf, t.dates);
}

function writeSummary(pdf: Blocks, s: CaseSummaryResponse): void {
  pdf.section('Case');
  pdf.field('Reference', s.reference);
  pdf.field('Status', humanise(s.status));
  pdf.field('Safeguarding matter (§5)', s.safeguarding ? 'Yes' : 'No');
  pdf.field('Subject(s)', s.subjects.map((p) => (p.jobTitle ? `${p.name ?? 'Unnamed'} (${p.jobTitle})` : (p.name ?? 'Unnamed'))).join('; ') || '—');
  writeDates(pdf, s.dates);
  // the process records the case has none of, said once (each that exists has its own section below)
  const none = [
    s.suspensions.length === 0 && 'precautionary suspension',
    s.hearings.length === 0 && 'hearing',
    s.grievances.length === 0 && 'grievance',
    s.letters.length === 0 && 'letter',
  ].filter((x): x is string => typeof x === 'string');
  if (none.length > 0) pdf.field('None recorded', none.join('; '));

  pdf.section('What was reported');
  if (s.reports.length === 0) pdf.paragraph('No report recorded.');
  s.reports.forEach((r, i) => {
    pdf.subheading(`Report ${i + 1}: ${humanise(r.platform)}${r.platformOther ? ` (${r.platformOther})` : ''}, observed ${formatDateTime(r.observedAt)}`);
    writeText(pdf, r.description, r.withheld);
    if (r.url) pdf.field('Link', r.url);
    pdf.quote(r.category.title);
    for (const standard of r.policyStandards) pdf.quote(standard.title);
  });
  if (s.triage) {
    pdf.field('Triage', `${humanise(s.triage.decision)}, ${formatDateTime(s.triage.triagedAt)}`);
    if (s.triage.rationale) pdf.paragraph(s.triage.rationale);
  }
  writeKcsie(pdf, s.kcsie, s.safeguarding);

  pdf.section('Allegations and findings');
  if (s.allegations.length === 0) pdf.paragraph('No allegations recorded.');
  s.allegations.forEach((a, i) => {
    pdf.subheading(`Allegation ${i + 1}`);
    if (a.clause) pdf.quote(a.clause.title);
    pdf.paragraph(a.summary);
    pdf.field('Finding', a.finding ? `${humanise(a.finding.finding)} (${formatDateTime(a.finding.recordedAt)})` : 'No finding recorded');
    if (a.finding?.reasoning) pdf.paragraph(a.finding.reasoning);
  });

  pdf.section("The subject's response");
  if (s.subjectResponses.length === 0) pdf.paragraph('No response recorded.');
  for (const r of s.subjectResponses) {
    pdf.subheading(`Received ${formatDateTime(r.receivedAt)}${r.refusedToRespond ? ' (declined to respond)' : ''}`);
    writeText(pdf, r.response, r.withheld);
  }
  if (s.investigationReport) {
    pdf.subheading(`Investigation report, submitted ${formatDateTime(s.investigationReport.submittedAt)}`);
    writeText(pdf, s.investigationReport.summary, s.investigationReport.withheld);
  }

  writeSuspensions(pdf, s.suspensions);
  writeHearings(pdf, s.hearings);

  pdf.section('Outcome (§12)');
  if (!s.outcome) pdf.paragraph('No outcome has been decided.');
  else {
    const o = s.outcome;
    pdf.field('Sanction', humanise(o.sanction));
    pdf.field('Gross misconduct', o.grossMisconduct ? 'Yes' : 'No');
    pdf.field('Decided', `${formatDateTime(o.decidedAt)} by the ${humanise(o.decidedByRole).toLowerCase()}`);
    pdf.field('Communicated in writing', formatDateTime(o.communicatedAt));
    if (o.warningExpiresAt) pdf.field('Warning expires', formatDateTime(o.warningExpiresAt));
    pdf.field('Appeal deadline', formatDateTime(o.appealDeadline));
    if (o.separationWaiverReason) pdf.field('Separation of duties waived', o.separationWaiverReason);
    if (o.rationale) pdf.paragraph(o.rationale);
  }

  pdf.section('Appeal');
  if (!s.appeal) pdf.paragraph('No appeal has been lodged.');
  else {
    const a = s.appeal;
    pdf.field('Lodged', formatDateTime(a.lodgedAt));
    if (a.grounds) pdf.paragraph(a.grounds);
    pdf.field(
      'Result',
      a.result
        ? `${humanise(a.result)}, ${formatDateTime(a.decidedAt)}${a.decidedByRole ? ` by the ${humanise(a.decidedByRole).toLowerCase()}` : ''}`
        : 'Not yet decided',
    );
    if (a.newSanction) pdf.field('New sanction', humanise(a.newSanction));
    if (a.newWarningExpiresAt) pdf.field('New warning expires', formatDateTime(a.newWarningExpiresAt));
    if (a.rationale) pdf.paragraph(a.rationale);
  }
  if (s.sanctionInForce) pdf.field('Sanction in force', humanise(s.sanctionInForce));

  writeGrievances(pdf, s.grievances);
  writeLetters(pdf, s.letters);

  pdf.section('Evidence');
  // Said before the list, so that it is there even when a long list is cut at the document's bounds.
  if (s.evidence.withheldSpecialCategory > 0) {
    pdf.note(`${s.evidence.withheldSpecialCategory} special-category item(s) withheld (§13). Only the headteacher may include them.`);
  } else if (s.evidence.specialCategoryIncluded) {
    pdf.note('Special-category content is included at the headteacher’s request (§13).');
  }
  if (s.evidence.items.length === 0) pdf.paragraph('No evidence items are listed.');
  s.evidence.items.forEach((e, i) => {
    pdf.subheading(`Item ${i + 1}: ${humanise(e.kind)}${e.sensitivity === 'special_category' ? ' (special-category data)' : ''}`);
    writeText(pdf, e.description, e.withheld);
    pdf.field('Captured', formatDateTime(e.capturedAt));
    if (e.mediaType !== null && e.size !== null) pdf.field('Media type, size', `${e.mediaType}, ${formatSize(e.size)}`);
    pdf.field('SHA-256', e.sha256, true);
  });
}

/** KCSIE Part 4 (process.md §3): the LADO consultation and the DBS / TRA referral decisions; the findings are the allegations'. */
function writeKcsie(pdf: Blocks, k: SummaryKcsie, safeguarding: boolean): void {
  if (!safeguarding && k.ladoConsultations.length === 0 && k.referralDecisions.length === 0) return;
  pdf.section('Safeguarding (KCSIE Part 4)');
  if (k.ladoDueBy) pdf.field('LADO to be consulted by', `${formatDateTime(k.ladoDueBy)}${k.ladoOverdue ? ' (overdue)' : ''}`);
  if (k.ladoConsultations.length === 0) pdf.paragraph('No LADO consultation recorded.');
  for (const c of k.ladoConsultations) {
    pdf.subheading(`LADO consulted ${formatDateTime(c.consultedAt)}${c.late ? ' (late)' : ''}: ${c.ladoName}`);
    pdf.field('Harm threshold met', c.thresholdMet ? 'Yes' : 'No');
    writeText(pdf, c.advice, c.withheld);
  }
  for (const d of k.referralDecisions) {
    pdf.subheading(`${d.body.toUpperCase()} referral decision, ${formatDateTime(d.decidedAt)}`);
    pdf.field('Referred', d.referred ? `Yes, ${formatDateTime(d.referredAt)}` : 'No');
    if (!d.referred) writeText(pdf, d.reasonNotReferred, d.withheld);
  }
  if (k.referralDecisionsRequired.length > 0) {
    pdf.note(`Referral decision(s) still required before the case may close: ${k.referralDecisionsRequired.map((b) => b.toUpperCase()).join(', ')}.`);
  }
}

/** Precautionary suspension on full pay (process.md §1): not a sanction. */
function writeSuspensions(pdf: Blocks, suspensions: readonly SummarySuspension[]): void {
  if (suspensions.length === 0) return;
  pdf.section('Precautionary suspension');
  suspensions.forEach((x, i) => {
    pdf.subheading(`Suspension ${i + 1}: ${x.subjectName ?? 'Unnamed'}, from ${formatDateTime(x.startsAt)}`);
    pdf.field('Grounds', x.grounds.map((g) => humanise(g)).join('; '));
    pdf.field(
      'Status',
      `${humanise(x.status)}${x.endedAt ? `, ended ${formatDateTime(x.endedAt)}${x.endReason ? ` (${humanise(x.endReason).toLowerCase()})` : ''}` : ''}`,
    );
    pdf.field('Review by', formatDateTime(x.reviewBy));
    if (x.withheld) writeText(pdf, null, true);
    else {
      if (x.reasons) pdf.field('Reasons', x.reasons);
      if (x.alternativesConsidered) pdf.field('Alternatives considered', x.alternativesConsidered);
    }
    for (const r of x.reviews) {
      pdf.field(`Reviewed ${formatDateTime(r.reviewedAt)}`, `${humanise(r.decision)}${r.reviewBy ? `; next review by ${formatDateTime(r.reviewBy)}` : ''}`);
      if (r.reasons) pdf.paragraph(r.reasons);
    }
  });
}

/** The disciplinary and appeal hearings (process.md §1; ACAS Code; ERA 1999 s10), superseded invitations included. */
function writeHearings(pdf: Blocks, hearings: readonly SummaryHearing[]): void {
  if (hearings.length === 0) return;
  pdf.section('Hearings');
  for (const h of hearings) {
    pdf.subheading(`${h.kind === 'appeal' ? 'Appeal hearing' : 'Disciplinary hearing'}${h.current ? '' : ` (superseded ${formatDateTime(h.supersededAt)})`}`);
    pdf.field('Invited', formatDateTime(h.invitedAt));
    pdf.field('Scheduled for', `${formatDateTime(h.scheduledFor)}, ${h.place}`);
    if (h.scheduledFor !== h.originalScheduledFor) pdf.field('First arranged for', formatDateTime(h.originalScheduledFor));
    pdf.field('Notice', `${h.noticeWorkingDays} working days${h.noticeGiven ? ', given' : ', not (yet) given'}`);
    pdf.field('Chaired by', `the ${humanise(h.chairRole).toLowerCase()}`);
    for (const r of h.rearrangements) {
      pdf.field(
        `Rearranged ${formatDateTime(r.recordedAt)}`,
        `${formatDateTime(r.previousScheduledFor)} → ${formatDateTime(r.scheduledFor)} (${humanise(r.basis).toLowerCase()})`,
      );
      if (r.reason) pdf.paragraph(r.reason);
    }
    if (!h.held) {
      pdf.field('Held', 'Not held');
      continue;
    }
    const held = h.held;
    pdf.field('Held', `${formatDateTime(held.heldAt)}${held.decidedInAbsence ? ', decided in the subject’s absence' : ', the subject attended'}`);
    pdf.field('Companion', held.companion ? `${held.companion.name} (${humanise(held.companion.category).toLowerCase()})` : 'None');
    if (held.companion?.adjustmentReason) pdf.paragraph(held.companion.adjustmentReason);
    if (h.withheld) {
      writeText(pdf, null, true);
      continue;
    }
    if (held.attendees && held.attendees.length > 0) pdf.field('Attended', held.attendees.map((a) => `${a.name} (${a.capacity})`).join('; '));
    if (held.absenceReason) pdf.field('Why decided in absence', held.absenceReason);
    if (held.notes) pdf.paragraph(held.notes);
    if (held.representations) pdf.field('Representations', held.representations);
  }
}

/** Grievances of the subject (§6, process.md §4), each with the pauses of the process for it. */
function writeGrievances(pdf: Blocks, grievances: readonly SummaryGrievance[]): void {
  if (grievances.length === 0) return;
  pdf.section('Grievances (§6)');
  grievances.forEach((g, i) => {
    pdf.subheading(`Grievance ${i + 1}${g.lodgedBy ? ` by ${g.lodgedBy}` : ''}, lodged ${formatDateTime(g.lodgedAt)}`);
    pdf.field('About the disciplinary process', g.relatedToProcess ? 'Yes' : 'No');
    writeText(pdf, g.summary, g.withheld);
    const d = g.decision;
    pdf.field(
      'Decision',
      d
        ? `${humanise(d.outcome)}, ${formatDateTime(d.decidedAt)}${d.heardByRole ? ` (heard by the ${humanise(d.heardByRole).toLowerCase()})` : ''}`
        : 'Not yet decided',
    );
    if (d?.reasons) pdf.paragraph(d.reasons);
    for (const p of g.pauses) {
      pdf.field('Process paused', `${formatDateTime(p.pausedAt)}; ${p.resumedAt ? `resumed ${formatDateTime(p.resumedAt)}` : 'not resumed'}`);
      if (p.reason) pdf.paragraph(p.reason);
    }
  });
}

/** The letters of the written steps (process.md §2) and how each was sent. */
function writeLetters(pdf: Blocks, letters: readonly SummaryLetter[]): void {
  if (letters.length === 0) return;
  pdf.section('Letters');
  for (const l of letters) {
    pdf.field(
      `${l.title}${l.to ? `, to ${l.to}` : ''}`,
      l.sentAt
        ? `sent ${formatDateTime(l.sentAt)} by ${SENT_BY[l.sentMethod ?? ''] ?? humanise(l.sentMethod)}`
        : `generated ${formatDateTime(l.firstGeneratedAt)}, not recorded as sent`,
    );
  }
}

const SENT_BY: Record<string, string> = { email: 'e-mail', post: 'post', hand: 'hand' };

/** A statement, or — where the reader may not read it, as in the case view — a note that it is withheld. */
function writeText(pdf: Blocks, text: string | null, withheld: boolean): void {
  if (withheld) pdf.note('Withheld from this reader (§4, §13): only that it exists is shown.');
  else if (text) pdf.paragraph(text);
}

function writeDates(pdf: Blocks, d: SummaryDates): void {
  pdf.field('Reported', formatDateTime(d.reportedAt));
  pdf.field('Triaged', formatDateTime(d.triagedAt));
  pdf.field('Investigation report submitted', formatDateTime(d.reportSubmittedAt));
  pdf.field('Decided', formatDateTime(d.decidedAt));
  pdf.field('Closed', formatDateTime(d.closedAt));
}

/** The blocks of the summary, in order. */
class Blocks {
  readonly blocks: DocumentBlock[] = [];

  section(text: string): void {
    this.blocks.push({ kind: 'heading', text });
  }
  subheading(text: string): void {
    this.blocks.push({ kind: 'subheading', text });
  }
  field(label: string, value: string, mono = false): void {
    this.blocks.push(mono ? { kind: 'field', label, value, mono } : { kind: 'field', label, value });
  }
  paragraph(text: string): void {
    this.blocks.push({ kind: 'paragraph', text });
  }
  /** A clause of the policy, quoted. */
  quote(text: string): void {
    this.blocks.push({ kind: 'quote', text });
  }
  note(text: string): void {
    this.blocks.push({ kind: 'note', text });
  }
}
