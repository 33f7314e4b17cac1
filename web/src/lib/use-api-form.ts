import { useState, type FormEvent } from 'react';
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
  return { errors, submitting, submit, setErrors };
}
