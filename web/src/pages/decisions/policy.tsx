import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { ChoiceItem } from '../../components';
import { useLoad } from '../../lib/use-load';

export type Policy = components['schemas']['PolicyResponse'];
export type PolicyChoice = components['schemas']['PolicyChoiceResponse'];

/** GET /policy once per page load: the policy's words do not change while the page is open. */
let answer: ReturnType<typeof fetchPolicy> | undefined;
const fetchPolicy = () => api.GET('/policy');

/** The policy's own words for every choice (GET /policy): the decision screens show them beside each choice and each recorded value. */
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

/** The policy's choice with this value, if it names one. */
export const choiceOf = (choices: PolicyChoice[] | undefined, value: string | null | undefined): PolicyChoice | undefined =>
  choices?.find((c) => c.value === value);

/** "§9 A breach of this policy" — or the value itself, if the policy does not name it. */
export const choiceLabel = (choices: PolicyChoice[] | undefined, value: string): string => {
  const c = choiceOf(choices, value);
  return c ? `${c.clause} ${c.label}` : value;
};

/** A recorded value with the policy's words under it. */
export function choiceWords(choices: PolicyChoice[] | undefined, value: string) {
  const c = choiceOf(choices, value);
  return { label: choiceLabel(choices, value), words: c?.words ?? '' };
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
