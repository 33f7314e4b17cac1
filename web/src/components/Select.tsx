import type { SelectHTMLAttributes } from 'react';
import { Field, type FieldProps } from './Field';
import { cx } from './classes';

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

/** GOV.UK select (GOV.UK: prefer radios when there are few choices). */
export function Select({
  id,
  name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  options,
  ...select
}: FieldProps & { options: SelectOption[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'>) {
  return (
    <Field id={id} label={label} labelSize={labelSize} isPageHeading={isPageHeading} hint={hint} error={error}>
      {(describedBy) => (
        <select id={id} name={name ?? id} className={cx('govuk-select', error && 'govuk-select--error')} aria-describedby={describedBy} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
