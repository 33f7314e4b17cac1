import type { InputHTMLAttributes } from 'react';
import { Field, type FieldProps } from './Field';
import { cx } from './classes';

type Width = 'full' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third' | 'one-quarter' | '30' | '20' | '10' | '5' | '4' | '3' | '2';

/** GOV.UK text input with its label, hint and error. Other attributes (type, autoComplete, value, onChange…) go to the <input>. */
export function Input({
  id,
  name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  width,
  className,
  ...input
}: FieldProps & { width?: Width } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>) {
  const widthClass = width && (/^\d+$/.test(width) ? `govuk-input--width-${width}` : `govuk-!-width-${width}`);
  return (
    <Field id={id} label={label} labelSize={labelSize} isPageHeading={isPageHeading} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name ?? id}
          type="text"
          className={cx('govuk-input', widthClass, error && 'govuk-input--error', className)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...input}
        />
      )}
    </Field>
  );
}
