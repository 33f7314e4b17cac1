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

/** Form group + label + hint + error message around one input (Input, Textarea, Select, FileUpload use it). */
export function Field({
  id,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  children,
}: FieldProps & { children: (describedBy: string | undefined) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint && <Hint id={hintId!}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId!}>{error}</ErrorMessage>}
      {children(describedBy(hintId, errorId))}
    </FormGroup>
  );
}
