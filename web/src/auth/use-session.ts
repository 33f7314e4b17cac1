import { useSyncExternalStore } from 'react';
import { session, type SessionState } from './session';

/** The session's state, re-rendering on every change (sign-in, refresh, warning, sign-out). */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}
