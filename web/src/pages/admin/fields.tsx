import type { ReactNode } from 'react';
import type { FormErrors } from '../../api/problem';
import { BackLink, Checkboxes, ErrorSummary, Input, Select } from '../../components';
import { Page } from '../../lib/page';
import type { useAccounts } from './accounts';
import { accountOptions } from './accounts';
import { ROLE_CHOICES } from './roles';

/**
 * The form fields the admin screens share: a person's name, a staff record's details, an
 * account's roles, the account a staff record is linked to. Each takes its value, what to do when
 * it changes, and the API's message for it (useApiForm's `errors.fields`).
 */

type Text = { value: string; onChange: (value: string) => void; error?: string };

/** Full name (id "name"). */
export function NameField({ value, onChange, error }: Text) {
  return (
    <Input id="name" label="Full name" autoComplete="off" spellCheck={false} value={value} onChange={(event) => onChange(event.target.value)} error={error} />
  );
}

/** A staff record's name, e-mail address and job title (ids "name", "email", "job-title"). */
export function StaffFields({ name, email, jobTitle, emailHint }: { name: Text; email: Text; jobTitle: Text; emailHint?: string }) {
  return (
    <>
      <NameField {...name} />
      <Input
        id="email"
        label="E-mail address (optional)"
        hint={emailHint}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email.value}
        onChange={(event) => email.onChange(event.target.value)}
        error={email.error}
      />
      <Input
        id="job-title"
        label="Job title (optional)"
        autoComplete="off"
        value={jobTitle.value}
        onChange={(event) => jobTitle.onChange(event.target.value)}
        error={jobTitle.error}
      />
    </>
  );
}

/** An account's roles as checkboxes, each with what it does (id "roles"). */
export function RolesField({
  values,
  onChange,
  error,
  legendSize,
  hint,
}: {
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
  legendSize: 's' | 'm';
  hint: ReactNode;
}) {
  return <Checkboxes id="roles" legend="Roles" legendSize={legendSize} hint={hint} values={values} onChange={onChange} error={error} items={ROLE_CHOICES} />;
}

/** The user account a staff record is linked to (id "user-id"): "not linked", then every account of the organisation. */
export function AccountField({
  label,
  hint,
  value,
  onChange,
  error,
  accounts,
}: Text & { label: string; hint?: string; accounts: ReturnType<typeof useAccounts> }) {
  return (
    <Select
      id="user-id"
      label={label}
      hint={hint}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      disabled={accounts.state !== 'loaded'}
      options={accounts.state === 'loaded' ? accountOptions(accounts.data.items) : [{ value: '', text: 'Loading the accounts…' }]}
    />
  );
}

/**
 * One account or staff record and its forms: the page ("Error: " first while a form shows errors),
 * the way back to the list, what happened (`banner`), each form's error summary, then the forms.
 */
export function RecordPage({
  title,
  caption,
  heading,
  back,
  banner,
  errors,
  children,
}: {
  title: string;
  caption: string;
  heading: string;
  back: { href: string; text: string };
  banner: ReactNode;
  errors: FormErrors[];
  children: ReactNode;
}) {
  return (
    <Page
      title={errors.some((e) => e.summary.length > 0) ? `Error: ${title}` : title}
      caption={caption}
      heading={heading}
      before={<BackLink href={back.href}>{back.text}</BackLink>}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {banner}
          {errors.map((e, i) => (
            <ErrorSummary key={i} errors={e.summary} />
          ))}
          {children}
        </div>
      </div>
    </Page>
  );
}
