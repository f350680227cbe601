/**
 * The sign-in guard (OWASP ASVS V2.2.1): attempts are throttled per sign-in name and per client address
 * (fixed windows), and a name locks after the policy's count of consecutive failures until its lock
 * runs out or the security administrator lifts it. Counters are items of the table with a TTL, updated
 * atomically (ADD), so every Lambda instance and every local process sees the same counts. They are
 * kept by name, known or not: a lock or a 429 says nothing about which names exist.
 */
import type { Deps } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import { keys } from '../../store/keys.js';
import { deleteItem, incrementCounter, setUnlessAbove } from '../../store/table-ops.js';
import type { AccountPolicy } from './policy.js';

const DAY_SECONDS = 24 * 3600;

export interface LockState {
  failures: number;
  /** Milliseconds; null: not locked. */
  lockedUntil: number | null;
}

const retryAfter = (seconds: number) => ({ 'retry-after': String(Math.max(1, Math.ceil(seconds))) });

/** Counts one attempt in the current window of `scope`; returns the count so far (this one included). */
async function countAttempt(
  deps: Deps,
  scope: 'name' | 'addr',
  subject: string,
  windowStart: number,
  windowSeconds: number,
): Promise<number> {
  const counted = await incrementCounter(
    deps,
    keys.signInWindow(scope, subject, windowStart),
    'attempts',
    windowStart + windowSeconds + 60,
  );
  return Number(counted.attempts ?? 1);
}

export type Refusal = { reason: 'throttled-name' | 'throttled-address' | 'locked'; firstInWindow: boolean };

/**
 * Admits a sign-in attempt or refuses it with 429 and Retry-After: too many attempts of this name or
 * from this address in the window, or the name is locked. `onRefused` records the refusal (the first
 * of a window only, so a flood does not flood the log).
 */
export async function admitAttempt(
  deps: Deps,
  policy: AccountPolicy,
  username: string,
  address: string | null,
  onRefused: (r: Refusal) => Promise<void>,
): Promise<void> {
  const nowSec = deps.clock() / 1000;
  const w = policy.windowSeconds;
  const windowStart = Math.floor(nowSec / w) * w;
  const [byName, byAddress] = await Promise.all([
    countAttempt(deps, 'name', username, windowStart, w),
    address ? countAttempt(deps, 'addr', address, windowStart, w) : Promise.resolve(0),
  ]);
  const overName = byName > policy.attemptsPerName;
  const overAddress = byAddress > policy.attemptsPerAddress;
  if (overName || overAddress) {
    await onRefused({
      reason: overName ? 'throttled-name' : 'throttled-address',
      firstInWindow: overName
        ? byName === policy.attemptsPerName + 1
        : byAddress === policy.attemptsPerAddress + 1,
    });
    throw new EdgeError('auth.throttled', 'too many sign-in attempts; wait and try again', {
      headers: retryAfter(windowStart + w - nowSec),
    });
  }
  const lock = await lockOf(deps, username);
  if (lock.lockedUntil !== null) {
    await onRefused({ reason: 'locked', firstInWindow: byName === 1 });
    throw new EdgeError('auth.locked', 'this account is locked after repeated failed sign-ins', {
      headers: retryAfter((lock.lockedUntil - deps.clock()) / 1000),
      extra: { lockedUntil: new Date(lock.lockedUntil).toISOString() },
    });
  }
}

/** The failures and lock of a name now (a lock that ran out is no lock). */
export async function lockOf(deps: Deps, username: string): Promise<LockState> {
  const item = await deps.store.item(keys.signInFailures(username));
  const until = Number(item?.lockedUntil ?? 0);
  return {
    failures: Number(item?.failures ?? 0),
    lockedUntil: until > deps.clock() ? until : null,
  };
}

/**
 * Counts a failed attempt; returns whether this failure locked the name (exactly one caller sees true
 * per lock: the lock is set under a condition that no lock is in force).
 */
export async function recordFailure(deps: Deps, policy: AccountPolicy, username: string): Promise<boolean> {
  const now = deps.clock();
  const lockMs = policy.lockoutMinutes * 60_000;
  const ttl = Math.floor((now + lockMs) / 1000) + DAY_SECONDS;
  const counted = await incrementCounter(deps, keys.signInFailures(username), 'failures', ttl);
  if (Number(counted.failures ?? 0) < policy.lockoutThreshold) return false;
  return setUnlessAbove(
    deps,
    keys.signInFailures(username),
    { attribute: 'lockedUntil', atMost: now },
    { lockedUntil: now + lockMs, failures: 0 },
  );
}

/** Forgets a name's failures and lock (a successful sign-in, or the security administrator's unlock). */
export async function clearFailures(deps: Deps, username: string): Promise<void> {
  await deleteItem(deps, keys.signInFailures(username));
}
