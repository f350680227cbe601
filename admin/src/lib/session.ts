/**
 * The signed-in user's profile, kept on the device (localStorage) so the app opens offline too. The
 * token is NOT kept here: it is the HttpOnly session cookie the sign-in sets, out of reach of any page
 * script (an injected one included); the browser sends it with every same-origin API request.
 */
import type { Role } from '@jiandu/shared';
import type { PublicUser, SignedIn } from '@jiandu/shared/api';

/**
 * The part of the server's user the device keeps (not its username, state or session version);
 * `mustChangePassword` (after a reset or at first sign-in: the session may only change the password) is
 * kept only when true.
 */
export type SessionUser = Pick<PublicUser, 'id' | 'name' | 'roles' | 'unitId'> &
  Partial<Pick<PublicUser, 'mustChangePassword'>>;

/**
 * The profile kept: the sign-in's user and when the cookie's token expires (`expiresAt`, seconds since
 * the epoch, the JWT's exp). A sign-in or password-change answer (`SignedIn`) is one, plus the token,
 * which is for API clients — the SPA does not keep it.
 */
export type Session = Pick<SignedIn, 'expiresAt'> & { user: SessionUser };

const KEY = 'jiandu.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

/** Only the profile, whatever the answer held (a token never reaches localStorage). */
const profileOf = (s: Session): Session => ({
  expiresAt: s.expiresAt,
  user: {
    id: s.user.id,
    name: s.user.name,
    roles: s.user.roles,
    unitId: s.user.unitId,
    ...(s.user.mustChangePassword ? { mustChangePassword: true } : {}),
  },
});

function read(): Session | null {
  if (cached !== undefined) return cached;
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    cached = s?.user && typeof s.expiresAt === 'number' ? profileOf(s) : null;
    // A session kept by an older version held its token: rewrite it without.
    if (s && 'token' in s) {
      if (cached) globalThis.localStorage?.setItem(KEY, JSON.stringify(cached));
      else globalThis.localStorage?.removeItem(KEY);
    }
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
    cached = s ? profileOf(s) : null;
    if (cached) globalThis.localStorage?.setItem(KEY, JSON.stringify(cached));
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
