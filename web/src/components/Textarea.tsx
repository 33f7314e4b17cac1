import type { TextareaHTMLAttributes } from 'react';
import { Field, splitField, type FieldProps } from './Field';
import { cx } from './classes';

/** GOV.UK textarea with its label, hint and error. */
export function Textarea({ rows = 5, ...props }: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'>) {
  const { field, input } = splitField(props);
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          className={cx('govuk-textarea', field.error && 'govuk-textarea--error')}
          aria-invalid={field.error ? true : undefined}
          {...input}
        />
      )}
    </Field>
  );
}
