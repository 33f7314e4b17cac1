import type { ReactNode } from 'react';
import { api } from '../api/client';
import type { components } from '../api/schema';
import type { ChoiceItem } from '../components';
import { useLoad } from './use-load';

/**
 * The policy's own words for every choice (GET /policy): platforms, categories, standards,
 * monitoring reasons and scopes, sanctions, triage decisions. The screens show them beside each
 * choice and each recorded value; the browser keeps no copy of its own.
 */

export type Policy = components['schemas']['PolicyResponse'];
export type PolicyChoice = components['schemas']['PolicyChoiceResponse'];

/** GET /policy once per page load: the policy's words do not change while the page is open. */
let answer: ReturnType<typeof fetchPolicy> | undefined;
const fetchPolicy = () => api.GET('/policy');

/** The policy, loaded (once) with useLoad. */
export function usePolicy() {
  return useLoad(() => {
    answer ??= fetchPolicy().then(
      (result) => {
        if (!result.response.ok) answer = undefined;
        return result;
      },
      (error: unknown) => {
        answer = undefined;
        throw error;
      },
    );
    return answer;
  }, []);
}

/** The policy once it is in; null until then (or if it cannot be had): the page shows values without their words. */
export function usePolicyOrNull(): Policy | null {
  const policy = usePolicy();
  return policy.state === 'loaded' ? policy.data : null;
}

/** The policy's choice with this value, if it names one. */
export const choiceOf = (choices: PolicyChoice[] | undefined, value: string | null | undefined): PolicyChoice | undefined =>
  value ? choices?.find((c) => c.value === value) : undefined;

/** The choice with this value, or a stand-in that shows the value itself (a value the policy does not name). */
export const choice = (choices: PolicyChoice[] | undefined, value: string): PolicyChoice =>
  choiceOf(choices, value) ?? { value, label: value, clause: '', words: '' };

/** "§7.5 Information about the school, its staff or governors" */
export const choiceTitle = (c: PolicyChoice): string => (c.clause ? `${c.clause} ${c.label}` : c.label);

/** "§9 A breach of this policy" — or the value itself, if the policy does not name it. */
export const choiceLabel = (choices: PolicyChoice[] | undefined, value: string): string => {
  const c = choiceOf(choices, value);
  return c ? `${c.clause} ${c.label}` : value;
};

/** A recorded value with the policy's words under it. */
export function choiceWords(choices: PolicyChoice[] | undefined, value: string) {
  return { label: choiceLabel(choices, value), words: choiceOf(choices, value)?.words ?? '' };
}

/** Radio items for the policy's choices: each with its clause and the policy's own words as its hint. */
export function policyItems(choices: PolicyChoice[] | undefined, names?: Record<string, string>): ChoiceItem[] {
  return (choices ?? []).map((c) => ({
    value: c.value,
    text: names?.[c.value] ?? c.label,
    hint: (
      <>
        <span className="govuk-!-font-weight-bold">{c.clause}</span> “{c.words}”
      </>
    ),
  }));
}

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
