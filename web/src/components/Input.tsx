import type { InputHTMLAttributes } from 'react';
import { Field, splitField, type FieldProps } from './Field';
import { cx } from './classes';

type Width = 'full' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third' | 'one-quarter' | '30' | '20' | '10' | '5' | '4' | '3' | '2';

/** GOV.UK text input with its label, hint and error. Other attributes (type, autoComplete, value, onChange…) go to the <input>. */
export function Input({ width, className, ...props }: FieldProps & { width?: Width } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>) {
  const { field, input } = splitField(props);
  const widthClass = width && (/^\d+$/.test(width) ? `govuk-input--width-${width}` : `govuk-!-width-${width}`);
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          type="text"
          className={cx('govuk-input', widthClass, field.error && 'govuk-input--error', className)}
          aria-invalid={field.error ? true : undefined}
          {...input}
        />
      )}
    </Field>
  );
}
