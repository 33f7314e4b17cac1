import type { TextareaHTMLAttributes } from 'react';
import { Field, type FieldProps } from './Field';
import { cx } from './classes';

/** GOV.UK textarea with its label, hint and error. */
export function Textarea({
  id,
  name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  rows = 5,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'>) {
  return (
    <Field id={id} label={label} labelSize={labelSize} isPageHeading={isPageHeading} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name ?? id}
          rows={rows}
          className={cx('govuk-textarea', error && 'govuk-textarea--error')}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...textarea}
        />
      )}
    </Field>
  );
}
