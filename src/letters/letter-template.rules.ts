import { FieldProblem } from '../common/errors/domain-error';

/**
 * The wording of a letter (process.md §2): fixed text an organisation may adjust, with
 * placeholders the system fills from the case's records. Pure functions; the names are the
 * rules: a required placeholder cannot be removed, an unknown one cannot be added.
 */

/** A placeholder a kind of letter offers. */
export interface PlaceholderSpec {
  /** snake_case, written `{{name}}` in the wording. */
  name: string;
  /** What the system writes there. */
  description: string;
  /** Cannot be removed from the wording: the letter would not say what the step must say. */
  required: boolean;
}

/** The longest wording accepted (characters). */
export const MAX_TEMPLATE_CHARS = 20_000;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[a-z][a-z0-9_]*$/;

/** The placeholders a wording uses, in order of first use (names as written, trimmed). */
export function placeholdersIn(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) if (!names.includes(match[1])) names.push(match[1]);
  return names;
}

/** Braces left over once every `{{name}}` is taken out: a placeholder mistyped (`{{name}`, `{name}}`). */
export function strayBraces(body: string): boolean {
  return /\{\{|\}\}/.test(body.replace(PLACEHOLDER, ''));
}

/** Every required placeholder of the kind the wording leaves out. */
export function missingPlaceholders(body: string, specs: readonly PlaceholderSpec[]): string[] {
  const used = new Set(placeholdersIn(body));
  return specs.filter((s) => s.required && !used.has(s.name)).map((s) => s.name);
}

/** Placeholders the wording uses that the kind does not offer (the system could not fill them). */
export function unknownPlaceholders(body: string, specs: readonly PlaceholderSpec[]): string[] {
  const known = new Set(specs.map((s) => s.name));
  return placeholdersIn(body).filter((name) => !known.has(name));
}

/** What is wrong with an organisation's wording of a kind, each naming the field `body`; [] when it may be used. */
export function templateProblems(body: string, specs: readonly PlaceholderSpec[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (body.trim() === '') problems.push({ field: 'body', message: 'must not be empty' });
  if (body.length > MAX_TEMPLATE_CHARS) problems.push({ field: 'body', message: `must be at most ${MAX_TEMPLATE_CHARS} characters` });
  for (const name of missingPlaceholders(body, specs)) problems.push({ field: 'body', message: `must keep the placeholder {{${name}}}: the system fills it` });
  for (const name of unknownPlaceholders(body, specs)) {
    problems.push({ field: 'body', message: NAME.test(name) ? `has an unknown placeholder {{${name}}}` : 'has a malformed placeholder' });
  }
  if (strayBraces(body)) problems.push({ field: 'body', message: 'has unmatched {{ or }}: write a placeholder as {{name}}' });
  return problems;
}

/**
 * The letter's paragraphs: the wording with each placeholder replaced by its value (values may
 * span lines: a list of allegations). A paragraph left empty once filled (an optional sentence
 * that does not apply) is dropped. Values are inserted as they are, never read as wording: a
 * name containing `{{x}}` stays as typed.
 */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(PLACEHOLDER, (_whole, name: string) => values[name] ?? '').trim())
    .filter((paragraph) => paragraph !== '');
}
