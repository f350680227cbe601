/**
 * One store of a run and everything the rows need around it: DynamoDB Local (on disk or in memory, heap
 * capped) started by the local stack exactly as `npm start` starts it, the table, the bench's unit tree,
 * an inspector and an administrator at the root, the API in its own process, and a sign-in token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDateOf, type Quarter, quarterKey, quarterOfDate, type Unit } from '@jiandu/shared';
import type { Deps } from '../../functions/src/app/deps.js';
import type { Principal } from '../../functions/src/auth/principal.js';
import { readEnv } from '../../functions/src/env.js';
import { type LocalStack, startLocalStack } from '../../functions/src/local/stack.js';
import { createUser } from '../../functions/src/services/accounts/users.js';
import { createUnits } from '../../functions/src/services/org/org.js';
import { type ApiProcess, startApiProcess } from './api-process.js';
import { benchUnits, rankedUnitIds } from './fixtures.js';

export const HEAP_MB = 256;
const TABLE = 'jiandu';
export const PASSWORD = 'bench-pass-word';

export interface World {
  label: 'on disk' | 'in memory';
  deps: Deps;
  javaPid: number;
  api: ApiProcess;
  /** Bearer token of the inspector, signed in through the API. */
  token: string;
  inspector: Principal;
  admin: Principal;
  units: Unit[];
  unitIds: string[];
  quarter: Quarter;
  quarterKey: string;
  /** Today in the scheme's zone: findings are discovered from the quarter's first day up to today. */
  today: string;
  stop(): Promise<void>;
}

export async function startWorld(opts: { inMemory: boolean; units: number }): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jiandu-bench-'));
  const env = readEnv({ DATA_DIR: dataDir, TABLE_NAME: TABLE });
  let stack: LocalStack | undefined;
  let api: ApiProcess | undefined;
  const stop = async () => {
    await api?.stop();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    stack = await startLocalStack(env, { inMemory: opts.inMemory, heapMb: HEAP_MB });
    const { deps } = stack;
    const units = benchUnits(opts.units);
    await createUnits(deps, units);
    const root = units[0]!.id;
    const inspector = await createUser(deps, {
      username: 'bench-inspector',
      name: '基准督查员',
      roles: ['inspector'],
      unitId: root,
      password: PASSWORD,
    });
    const admin = await createUser(deps, {
      username: 'bench-admin',
      name: '基准管理员',
      roles: ['admin'],
      unitId: root,
      password: PASSWORD,
    });
    api = await startApiProcess(stack.store!.endpoint, dataDir, TABLE);
    const res = await fetch(`${api.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-inspector', password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in through the API answered ${res.status}`);
    const { token } = (await res.json()) as { token: string };
    const scheme = await deps.scheme();
    const today = localDateOf(deps.clock(), scheme.timeZone);
    const quarter = quarterOfDate(today);
    const principalOf = (u: { id: string; name: string; roles: Principal['roles']; unitId: string }) => ({
      id: u.id,
      name: u.name,
      roles: u.roles,
      unitId: u.unitId,
    });
    return {
      label: opts.inMemory ? 'in memory' : 'on disk',
      deps,
      javaPid: stack.store!.pid,
      api,
      token,
      inspector: principalOf(inspector),
      admin: principalOf(admin),
      units,
      unitIds: rankedUnitIds(units),
      quarter,
      quarterKey: quarterKey(quarter),
      today,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
