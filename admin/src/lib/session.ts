/** The signed-in user and token, kept on the device (localStorage) so the app opens offline too. */
import type { Role } from '@jiandu/shared';

export interface SessionUser {
  id: string;
  name: string;
  roles: Role[];
  unitId: string;
}

export interface Session {
  token: string;
  expiresAt: number;
  user: SessionUser;
}

const KEY = 'jiandu.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function read(): Session | null {
  if (cached !== undefined) return cached;
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    cached = typeof s?.token === 'string' && s.user ? s : null;
  } catch {
    cached = null;
  }
  return cached;
}

export const session = {
  get: (): Session | null => {
    const s = read();
    // expiresAt is in seconds (JWT exp) or ms; treat a past one as signed out.
    if (s?.expiresAt && (s.expiresAt < 1e12 ? s.expiresAt * 1000 : s.expiresAt) < Date.now()) return null;
    return s;
  },
  set(s: Session | null) {
    cached = s;
    if (s) globalThis.localStorage?.setItem(KEY, JSON.stringify(s));
    else globalThis.localStorage?.removeItem(KEY);
    for (const l of listeners) l();
  },
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export const hasRole = (s: Session | null, ...roles: Role[]): boolean =>
  !!s && s.user.roles.some((r) => roles.includes(r));
