import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { FormGroup } from './FormGroup';
import { Hint } from './Hint';
import { Label } from './Label';
import { describedBy } from './classes';

/** What every single-input question takes: the input's id (its name too, unless given), label, hint, and the error beside it. */
export interface FieldProps {
  id: string;
  name?: string;
  label: ReactNode;
  labelSize?: 'xl' | 'l' | 'm' | 's';
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
}

/** The attributes Field gives its input: its id, name, and the ids of its hint and error. */
export interface FieldControl {
  id: string;
  name: string;
  'aria-describedby': string | undefined;
}

/** A single-input component's props split: the question's (Field's) and the input's own. */
export function splitField<P extends FieldProps>({ id, name, label, labelSize, isPageHeading, hint, error, ...input }: P) {
  return { field: { id, name, label, labelSize, isPageHeading, hint, error }, input };
}

/** Form group + label + hint + error message around one input (Input, Textarea, Select, FileUpload use it). */
export function Field({ id, name, label, labelSize, isPageHeading, hint, error, children }: FieldProps & { children: (control: FieldControl) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint && <Hint id={hintId!}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId!}>{error}</ErrorMessage>}
      {children({ id, name: name ?? id, 'aria-describedby': describedBy(hintId, errorId) })}
    </FormGroup>
  );
}
