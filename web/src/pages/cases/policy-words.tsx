import type { ReactNode } from 'react';
import { choiceTitle, type PolicyChoice } from './policy';

/**
 * A recorded value with the policy's own words beside it: "§7.5 Information about the school,
 * its staff or governors", then the clause quoted.
 */
export function PolicyWords({ choice, extra }: { choice: PolicyChoice; extra?: ReactNode }) {
  return (
    <>
      <span className="govuk-!-display-block">
        {choiceTitle(choice)}
        {extra}
      </span>
      {choice.words && <span className="govuk-!-display-block govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">“{choice.words}”</span>}
    </>
  );
}

/** A SHA-256 in hex, allowed to wrap every 16 characters on a narrow screen. */
export function Hash({ value }: { value: string }) {
  const groups = value.match(/.{1,16}/g) ?? [value];
  return (
    <code className="govuk-body-s">
      {groups.map((group, i) => (
        <span key={i}>
          {group}
          {i < groups.length - 1 && <wbr />}
        </span>
      ))}
    </code>
  );
}
