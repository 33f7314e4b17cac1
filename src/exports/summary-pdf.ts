import PDFDocument from 'pdfkit';
import { CaseSummaryDocument, CaseSummaryResponse, CaseTombstoneResponse, SummaryDates } from './dto/case-summary.dto';
import { formatDateTime, formatSize, humanise, toWinAnsi } from './pdf-text';

/**
 * The HR case summary as a printable A4 document a person would file: title, school,
 * reference, one section per stage of the case, and on every page a footer with when it
 * was generated and "Page n of m". Returns the pdfkit document, a Readable stream of the
 * PDF bytes, already ended: pipe it to the reply.
 */
export function renderSummaryPdf(document: CaseSummaryDocument, context: { school: string; generatedAt: Date }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true, // the footer's "of m" is known only at the end
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: toWinAnsi(`HR case summary ${document.reference}`),
      Author: toWinAnsi(context.school),
      Subject: 'Disciplinary case summary under the social media policy',
      CreationDate: context.generatedAt,
    },
  });
  const pdf = new Writer(doc);
  pdf.title(`HR case summary: ${document.reference}`, context.school);
  if (document.erased) writeTombstone(pdf, document);
  else writeSummary(pdf, document);
  pdf.footers(`Generated ${formatDateTime(context.generatedAt.toISOString())} · ${document.reference} · Confidential: personal data (§13)`);
  doc.end();
  return doc;
}

function writeTombstone(pdf: Writer, t: CaseTombstoneResponse): void {
  pdf.note(`The content of this case was erased on ${formatDateTime(t.erasedAt)} under the retention policy (§13). Only this record remains.`);
  pdf.section('Case');
  pdf.field('Reference', t.reference);
  pdf.field('Status', humanise(t.status));
  pdf.field('Outcome', humanise(t.outcomeCategory));
  pdf.field('Erased', formatDateTime(t.erasedAt));
  writeDates(pdf, t.dates);
}

function writeSummary(pdf: Writer, s: CaseSummaryResponse): void {
  pdf.section('Case');
  pdf.field('Reference', s.reference);
  pdf.field('Status', humanise(s.status));
  pdf.field('Safeguarding matter (§5)', s.safeguarding ? 'Yes' : 'No');
  pdf.field('Subject(s)', s.subjects.map((p) => (p.jobTitle ? `${p.name ?? 'Unnamed'} (${p.jobTitle})` : (p.name ?? 'Unnamed'))).join('; ') || '—');
  writeDates(pdf, s.dates);

  pdf.section('What was reported');
  if (s.reports.length === 0) pdf.paragraph('No report recorded.');
  s.reports.forEach((r, i) => {
    pdf.subheading(`Report ${i + 1}: ${humanise(r.platform)}${r.platformOther ? ` (${r.platformOther})` : ''}, observed ${formatDateTime(r.observedAt)}`);
    pdf.paragraph(r.description);
    if (r.url) pdf.field('Link', r.url);
    pdf.quote(r.category.title);
    for (const standard of r.policyStandards) pdf.quote(standard.title);
  });
  if (s.triage) {
    pdf.field('Triage', `${humanise(s.triage.decision)}, ${formatDateTime(s.triage.triagedAt)}`);
    if (s.triage.rationale) pdf.paragraph(s.triage.rationale);
  }

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
    pdf.paragraph(r.response);
  }
  if (s.investigationReport) {
    pdf.subheading(`Investigation report, submitted ${formatDateTime(s.investigationReport.submittedAt)}`);
    if (s.investigationReport.summary) pdf.paragraph(s.investigationReport.summary);
  }

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

  pdf.section('Evidence');
  if (s.evidence.items.length === 0) pdf.paragraph('No evidence items are listed.');
  s.evidence.items.forEach((e, i) => {
    pdf.subheading(`Item ${i + 1}: ${humanise(e.kind)}${e.sensitivity === 'special_category' ? ' (special-category data)' : ''}`);
    pdf.paragraph(e.description);
    pdf.field('Captured', formatDateTime(e.capturedAt));
    pdf.field('Media type, size', `${e.mediaType}, ${formatSize(e.size)}`);
    pdf.mono('SHA-256', e.sha256);
  });
  if (s.evidence.withheldSpecialCategory > 0) {
    pdf.note(`${s.evidence.withheldSpecialCategory} special-category item(s) withheld (§13). Only the headteacher may include them.`);
  } else if (s.evidence.specialCategoryIncluded) {
    pdf.note('Special-category content is included at the headteacher’s request (§13).');
  }
}

function writeDates(pdf: Writer, d: SummaryDates): void {
  pdf.field('Reported', formatDateTime(d.reportedAt));
  pdf.field('Triaged', formatDateTime(d.triagedAt));
  pdf.field('Investigation report submitted', formatDateTime(d.reportSubmittedAt));
  pdf.field('Decided', formatDateTime(d.decidedAt));
  pdf.field('Closed', formatDateTime(d.closedAt));
}

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const MONO = 'Courier';

/** The few layout primitives of the summary; every string goes through toWinAnsi. */
class Writer {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  title(text: string, school: string): void {
    this.doc.font(BOLD).fontSize(18).fillColor('black').text(toWinAnsi(text));
    this.doc.font(REGULAR).fontSize(12).text(toWinAnsi(school));
    this.doc.moveDown(0.5);
  }

  section(text: string): void {
    this.doc.moveDown(0.8);
    // keep a heading with at least a few lines of its section
    if (this.doc.y > this.doc.page.height - this.doc.page.margins.bottom - 80) this.doc.addPage();
    this.doc.font(BOLD).fontSize(13).fillColor('black').text(toWinAnsi(text));
    const y = this.doc.y + 2;
    this.doc
      .moveTo(this.doc.page.margins.left, y)
      .lineTo(this.doc.page.margins.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor('#888')
      .stroke();
    this.doc.moveDown(0.4);
  }

  subheading(text: string): void {
    this.doc.moveDown(0.3);
    this.doc.font(BOLD).fontSize(10).fillColor('black').text(toWinAnsi(text));
  }

  field(label: string, value: string): void {
    this.doc
      .font(BOLD)
      .fontSize(10)
      .fillColor('black')
      .text(`${toWinAnsi(label)}: `, { continued: true });
    this.doc.font(REGULAR).text(toWinAnsi(value));
  }

  mono(label: string, value: string): void {
    this.doc
      .font(BOLD)
      .fontSize(10)
      .fillColor('black')
      .text(`${toWinAnsi(label)}: `, { continued: true });
    this.doc.font(MONO).fontSize(8.5).text(toWinAnsi(value));
  }

  paragraph(text: string): void {
    this.doc.font(REGULAR).fontSize(10).fillColor('black').text(toWinAnsi(text), { paragraphGap: 4 });
  }

  /** A clause of the policy, quoted. */
  quote(text: string): void {
    this.doc
      .font(ITALIC)
      .fontSize(10)
      .fillColor('#333')
      .text(toWinAnsi(`“${text}”`), { indent: 12 });
    this.doc.fillColor('black');
  }

  note(text: string): void {
    this.doc.moveDown(0.3);
    this.doc.font(ITALIC).fontSize(9.5).fillColor('#444').text(toWinAnsi(text));
    this.doc.fillColor('black');
  }

  /** "Page n of m" and `text` at the foot of every page. */
  footers(text: string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const { margins } = this.doc.page;
      const bottom = margins.bottom;
      margins.bottom = 0; // writing below the margin must not start a new page
      const y = this.doc.page.height - 40;
      this.doc.font(REGULAR).fontSize(8).fillColor('#555');
      this.doc.text(toWinAnsi(text), margins.left, y, { width: this.width - 70, lineBreak: false });
      this.doc.text(`Page ${i - range.start + 1} of ${range.count}`, margins.left, y, { width: this.width, align: 'right', lineBreak: false });
      margins.bottom = bottom;
    }
    this.doc.fillColor('black');
  }
}
