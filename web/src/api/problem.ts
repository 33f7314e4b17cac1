import type { components } from './schema';

/** An API error: application/problem+json (RFC 9457), with `errors[]` naming fields for a 400. */
export type Problem = components['schemas']['Problem'];
export type FieldProblem = components['schemas']['FieldProblem'];

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && typeof (value as Problem).detail === 'string';
}

/** What a failed request shows when the answer was not a problem (a network failure, a proxy's HTML page). */
export function problemOf(error: unknown, response?: Response): Problem {
  if (isProblem(error)) return error;
  const status = response?.status ?? 0;
  return {
    type: 'about:blank',
    title: 'Error',
    status,
    code: status ? 'unexpected' : 'network',
    detail: status ? `Something went wrong (${status}). Try again later.` : 'The service could not be reached. Check your connection and try again.',
  };
}

/** One line of an error summary: the message, and the id of the field it links to (none: the form as a whole). */
export interface SummaryError {
  text: string;
  href?: string;
}

/** The errors a form shows: the summary at the top, and each field's message beside it. */
export interface FormErrors {
  summary: SummaryError[];
  /** by API field name (`errors[].field`, e.g. `newPassword`, `reporter.name`) */
  fields: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { summary: [], fields: {} };

/**
 * Puts an API problem where it belongs: every `errors[].field` the form has (fieldIds: API field →
 * the id of its input) beside that field and linked from the summary; anything else (a field the
 * form does not show, or a problem without fields — 403, 409…) in the summary as the API said it.
 * `labels` turn a field's name into words for the summary ("New password must be…").
 */
export function formErrors(problem: Problem, fieldIds: Record<string, string>, labels: Record<string, string> = {}): FormErrors {
  const fields: Record<string, string> = {};
  const summary: SummaryError[] = [];
  for (const { field, message } of problem.errors ?? []) {
    const id = fieldIds[field] ?? fieldIds[field.replace(/\[\d+\]$|\.\d+$/, '')];
    // "newPassword must be…" (class-validator) and "must differ…" (a rule) both read "New password must…"
    const label = labels[field] ?? field;
    const text = (message.startsWith(field) ? label + message.slice(field.length) : `${label} ${message}`).replace(/^./, (c) => c.toUpperCase());
    if (id && !fields[field]) {
      fields[field] = text;
      summary.push({ text, href: `#${id}` });
    } else if (!id) {
      summary.push({ text });
    }
  }
  if (!summary.length) summary.push({ text: problem.detail });
  return { summary, fields };
}
