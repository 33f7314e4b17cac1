import { useState, type ChangeEvent, type FormEvent } from 'react';
import { formErrors, NO_ERRORS, problemOf, type FormErrors } from '../api/problem';

/** What a call with the typed client answers: data, or a problem (openapi-fetch's shape). */
type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The one way a form talks to the API. `fields`: each API field the form shows → its input's id
 * (the error summary links there); `labels`: the words for each field in messages.
 *
 *   const form = useApiForm({ newPassword: 'new-password' }, { newPassword: 'New password' });
 *   <form onSubmit={form.submit(() => api.POST('/auth/password', { body }), () => navigate('/'))} noValidate>
 *     <ErrorSummary errors={form.errors.summary} />
 *     <Input id="new-password" error={form.errors.fields.newPassword} … />
 *
 * The API decides; the form shows what it said, where it belongs. Network failures and answers
 * that are not problems land in the summary too.
 */
export function useApiForm(fields: Record<string, string>, labels: Record<string, string> = {}) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [submitting, setSubmitting] = useState(false);
  const submit =
    <T>(send: () => Promise<Answer<T>>, done: (data: T) => void) =>
    async (event?: FormEvent) => {
      event?.preventDefault();
      if (submitting) return;
      setSubmitting(true);
      try {
        const answer = await send().catch((error: unknown) => ({ error, data: undefined, response: undefined }));
        if (answer.response?.ok) {
          setErrors(NO_ERRORS);
          done(answer.data as T);
        } else {
          setErrors(formErrors(problemOf(answer.error, answer.response), fields, labels));
        }
      } finally {
        setSubmitting(false);
      }
    };
  /** A text input's (Input, Textarea, Select) value, what a change does, and the API's message for its field: `<Textarea id="reasons" {...form.text('rationale', rationale, setRationale)} />`. */
  const text = (field: string, value: string, set: (value: string) => void) => ({
    value,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(event.target.value),
    error: errors.fields[field],
  });
  /** The same for an input whose own onChange gives the value (DateInput): `<DateInput id="held-at" {...form.field('heldAt', heldAt, setHeldAt)} />`. */
  const field = <V>(name: string, value: V, set: (value: V) => void) => ({ value, onChange: set, error: errors.fields[name] });
  /** The same for radios: the value chosen is one of `T`'s. */
  const choice = <T extends string>(name: string, value: T | undefined, set: (value: T) => void) => ({
    value,
    onChange: (chosen: string) => set(chosen as T),
    error: errors.fields[name],
  });
  /** The same for checkboxes: the values ticked. */
  const choices = (name: string, values: string[], set: (values: string[]) => void) => ({ values, onChange: set, error: errors.fields[name] });
  return { errors, submitting, submit, setErrors, text, field, choice, choices };
}
