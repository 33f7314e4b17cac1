import {
  fillTemplate,
  missingPlaceholders,
  placeholdersIn,
  PlaceholderSpec,
  strayBraces,
  templateProblems,
  unknownPlaceholders,
} from './letter-template.rules';
import { LETTER_KINDS } from './kinds';

const SPECS: PlaceholderSpec[] = [
  { name: 'subject_name', description: '', required: true },
  { name: 'sanction', description: '', required: true },
  { name: 'case_reference', description: '', required: false },
];

describe('letter wording (process.md §2: fixed wording adjustable, placeholders not removable)', () => {
  it('placeholdersIn: the names used, once each, spaces inside the braces allowed', () => {
    expect(placeholdersIn('Dear {{subject_name}}, {{ sanction }} and {{subject_name}} again')).toEqual(['subject_name', 'sanction']);
  });

  it('missingPlaceholders: a required placeholder left out is named; an optional one may go', () => {
    expect(missingPlaceholders('Dear {{subject_name}}', SPECS)).toEqual(['sanction']);
    expect(missingPlaceholders('{{subject_name}} {{sanction}}', SPECS)).toEqual([]);
  });

  it('unknownPlaceholders: one the kind does not offer is named (the system could not fill it)', () => {
    expect(unknownPlaceholders('{{subject_name}} {{sanction}} {{salary}}', SPECS)).toEqual(['salary']);
  });

  it('strayBraces: a mistyped placeholder is found', () => {
    expect(strayBraces('{{subject_name}')).toBe(true);
    expect(strayBraces('subject_name}}')).toBe(true);
    expect(strayBraces('{{subject_name}} {single braces} are words')).toBe(false);
  });

  it('templateProblems: each problem names the field `body`; a good wording has none', () => {
    expect(templateProblems('Dear {{subject_name}}: {{sanction}}.', SPECS)).toEqual([]);
    const problems = templateProblems('Dear {{name}}', SPECS);
    expect(problems.every((p) => p.field === 'body')).toBe(true);
    expect(problems.map((p) => p.message)).toEqual([
      'must keep the placeholder {{subject_name}}: the system fills it',
      'must keep the placeholder {{sanction}}: the system fills it',
      'has an unknown placeholder {{name}}',
    ]);
    expect(templateProblems('   ', SPECS).map((p) => p.message)).toContain('must not be empty');
    expect(templateProblems('{{subject_name}} {{sanction}} {{Bad Name}}', SPECS).map((p) => p.message)).toEqual(['has a malformed placeholder']);
  });

  it('fillTemplate: paragraphs split at blank lines, values inserted as they are (never read as wording), empty paragraphs dropped', () => {
    const body = 'Dear {{subject_name}},\n\n{{warning}}\n\nThe sanction: {{sanction}}.\r\n\r\nEnd';
    expect(fillTemplate(body, { subject_name: 'Γιώργος {{sanction}}', warning: '', sanction: 'First written warning' })).toEqual([
      'Dear Γιώργος {{sanction}},',
      'The sanction: First written warning.',
      'End',
    ]);
  });

  it('fillTemplate keeps the lines of a multi-line value (a list of allegations)', () => {
    expect(fillTemplate('They are:\n\n{{allegations}}', { allegations: '1. One\n2. Two' })).toEqual(['They are:', '1. One\n2. Two']);
  });

  it.each(LETTER_KINDS.map((k) => [k.kind, k] as const))('the default wording of %s is a valid wording of its kind', (_name, kind) => {
    expect(templateProblems(kind.defaultBody, kind.placeholders)).toEqual([]);
  });
});
