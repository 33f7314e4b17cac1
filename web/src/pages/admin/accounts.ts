import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { SelectOption } from '../../components';
import { useLoad } from '../../lib/use-load';

type User = components['schemas']['UserResponse'];

/** Every user account of the organisation (GET /users, page after page), to choose one to link a staff record to. */
export function useAccounts() {
  return useLoad(async () => {
    const items: User[] = [];
    let cursor: string | undefined;
    for (;;) {
      const answer = await api.GET('/users', { params: { query: { limit: 200, cursor } } });
      if (!answer.response.ok || !answer.data) return answer;
      items.push(...answer.data.items);
      if (!answer.data.nextCursor) return { ...answer, data: { items, nextCursor: null } };
      cursor = answer.data.nextCursor;
    }
  }, []);
}

/** The accounts as the options of a select: "not linked" first, then each by name and e-mail (deactivated ones said so). */
export function accountOptions(users: User[]): SelectOption[] {
  return [
    { value: '', text: 'Not linked to an account' },
    ...[...users]
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((user) => ({ value: user.id, text: `${user.name} (${user.email})${user.active ? '' : ', deactivated'}` })),
  ];
}
