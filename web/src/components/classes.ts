/** Joins class names, leaving out the empty ones: cx('govuk-input', error && 'govuk-input--error'). */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** aria-describedby from the ids that exist (hint, error), or undefined. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return cx(...ids) || undefined;
}
