import type { SelectHTMLAttributes } from 'react';
import { Field, splitField, type FieldProps } from './Field';
import { cx } from './classes';

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

/** GOV.UK select (GOV.UK: prefer radios when there are few choices). */
export function Select({ options, ...props }: FieldProps & { options: SelectOption[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'>) {
  const { field, input } = splitField(props);
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} className={cx('govuk-select', field.error && 'govuk-select--error')} {...input}>
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
