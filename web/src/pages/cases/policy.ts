import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useLoad } from '../../lib/use-load';

export type Policy = components['schemas']['PolicyResponse'];
export type PolicyChoice = components['schemas']['PolicyChoiceResponse'];

/** GET /policy once per page load: the policy's words do not change while the page is open. */
let answer: ReturnType<typeof fetchPolicy> | undefined;
const fetchPolicy = () => api.GET('/policy');

/**
 * The policy's own words for every choice (GET /policy): platforms, categories, standards,
 * monitoring reasons and scopes, sanctions, triage decisions. The page shows them beside each
 * choice and each recorded value; it keeps no copy of its own.
 */
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

/** The choice with this value, or a stand-in that shows the value itself (a value the policy does not name). */
export function choice(choices: PolicyChoice[] | undefined, value: string): PolicyChoice {
  return choices?.find((c) => c.value === value) ?? { value, label: value, clause: '', words: '' };
}

/** "§7.5 Information about the school, its staff or governors" */
export const choiceTitle = (c: PolicyChoice): string => (c.clause ? `${c.clause} ${c.label}` : c.label);
