import type { InputHTMLAttributes } from 'react';
import { Field, type FieldProps } from './Field';
import { cx } from './classes';

/** GOV.UK file upload: one file, the browser's own chooser. For several files with progress: MultiFileUpload. */
export function FileUpload({
  id,
  name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type'>) {
  return (
    <Field id={id} label={label} labelSize={labelSize} isPageHeading={isPageHeading} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name ?? id}
          type="file"
          className={cx('govuk-file-upload', error && 'govuk-file-upload--error')}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </Field>
  );
}
