/**
 * 考核方案: the assessment scheme is versioned data. Admins store new versions (validated by the core's
 * schemeSchema); `deps.scheme()` answers the newest stored version, or the built-in default when none is
 * stored, cached like the unit directory and refreshed after a new version or after `ttlMs`.
 */
import { type Scheme, schemeSchema } from '@jiandu/shared';
import type { SchemeVersion } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError, notFound } from '../../app/edge-error.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import { SYSTEM_ACTOR } from '../../store/record-store.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import type { StoredScheme } from './directory.js';

/** Record id of a stored version: sorts by version ("v000002"). */
export const schemeRecordId = (version: number): string => `v${String(version).padStart(6, '0')}`;

/**
 * Every version, newest first: the stored ones, then the built-in default — it was in force until the
 * first version was stored, so the history keeps it (and `GET /schemes/{version}` answers it).
 */
export async function schemeVersions(deps: Deps): Promise<SchemeVersion[]> {
  const out: SchemeVersion[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<StoredScheme>('scheme', {
      limit: 100,
      caller: SYSTEM_ACTOR.id,
      ...(cursor ? { cursor } : {}),
    });
    for (const s of page.items) {
      const { id, version, name } = s.data.scheme;
      out.push({
        id,
        version,
        name,
        storedAt: s.data.storedAt,
        storedBy: s.data.storedBy,
        reason: s.data.reason ?? null,
      });
    }
    cursor = page.cursor ?? undefined;
  } while (cursor);
  const builtIn = await unstored(deps);
  if (out.every((v) => v.version > builtIn.version)) {
    const { id, version, name } = builtIn;
    out.push({ id, version, name, storedAt: null, storedBy: null });
  }
  return out;
}

/** The version in force before any was stored: the built-in default (or the one a test fixed). */
async function unstored(deps: Deps): Promise<Scheme> {
  return deps.schemes ? deps.schemes.fallback : deps.scheme();
}

export async function schemeVersion(deps: Deps, version: number): Promise<Scheme> {
  const s = await deps.store.get<StoredScheme>('scheme', schemeRecordId(version));
  if (s) return s.data.scheme;
  const builtIn = await unstored(deps);
  if (builtIn.version === version) return builtIn;
  throw notFound('scheme version');
}

/** Stores a new version (admin): it must be newer than the one in force. */
export async function storeScheme(
  deps: Deps,
  p: Principal,
  input: unknown,
  reason: string | null = null,
): Promise<Scheme> {
  assertCan(p, 'scheme.manage');
  const scheme = schemeSchema.parse(input);
  const current = await deps.scheme();
  if (scheme.version <= current.version)
    throw new EdgeError('conflict.version', `a new version must be above ${current.version}`, {
      field: 'version',
      extra: { current: { id: current.id, version: current.version } },
    });
  const at = await nowIso(deps);
  const tx = new Tx(deps.tableName);
  const data: StoredScheme = { scheme, storedAt: at, storedBy: p.id, reason };
  deps.store.write(tx, {
    type: 'scheme',
    id: schemeRecordId(scheme.version),
    before: null,
    data,
    index: { listSort: schemeRecordId(scheme.version) },
    actor: { id: p.id, role: 'admin' },
    at,
    action: 'scheme.store',
    reason,
  });
  try {
    await tx.commit(deps.doc);
  } catch (e) {
    if (e instanceof TxCancelled)
      throw new EdgeError('conflict.version', `version ${scheme.version} is already stored`, {
        field: 'version',
      });
    throw e;
  }
  deps.schemes?.invalidate();
  return scheme;
}
