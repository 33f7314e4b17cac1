import type { InputHTMLAttributes } from 'react';
import { Field, splitField, type FieldProps } from './Field';
import { cx } from './classes';

/** GOV.UK file upload: one file, the browser's own chooser. For several files with progress: MultiFileUpload. */
export function FileUpload(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type'>) {
  const { field, input } = splitField(props);
  return (
    <Field {...field}>
      {(control) => <input {...control} type="file" className={cx('govuk-file-upload', field.error && 'govuk-file-upload--error')} {...input} />}
    </Field>
  );
}
