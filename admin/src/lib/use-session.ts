import { useSyncExternalStore } from 'react';
import { type Session, session } from './session.js';

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** The session of a signed-in screen (the router only renders those with one). */
export function useUser() {
  const s = useSession();
  if (!s) throw new Error('useUser outside a signed-in screen');
  return s.user;
}
