/**
 * Seeds the demo on first start: the organisation, then a year and a half of activity sent through the
 * HTTP API itself (so the demo exercises the same validation, events and aggregates as real use), with
 * the clock moved through the period as the activity happens.
 */
import type { ApiApp } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { createUser, type PublicUser } from '../services/accounts/users.js';
import { createTenure, createUnits } from '../services/org/org.js';
import type { SeedClock } from './demo-activity.js';
import { seedActivity } from './demo-activity.js';
import { seedMigratedCounty } from './demo-migration.js';
import { demoOrg } from './demo-org.js';
import { seedToday } from './demo-today.js';

export type { SeedClock };

export async function isSeeded(deps: Deps): Promise<boolean> {
  return (await deps.units.tree()).byId.size > 0;
}

export async function seedDemo(
  deps: Deps,
  app: ApiApp,
  clock: SeedClock,
  log: (s: string) => void,
): Promise<void> {
  const org = demoOrg();
  log(`creating ${org.units.length} units, ${org.tenures.length} posts and ${org.users.length} users`);
  await createUnits(deps, org.units);
  // Posts and users are independent of each other: a few at a time (password hashing runs off-thread).
  await inPool(org.tenures, ({ personName, ...t }) => createTenure(deps, null, t, personName));
  const users = new Map<string, PublicUser>();
  await inPool(org.users, async (u) => {
    users.set(u.username, await createUser(deps, u));
  });
  const api = await seedActivity(deps, app, clock, org, users, log);
  // At the demo's last day, a third county moves in from its spreadsheets (the clock as it is then).
  for (const line of await seedMigratedCounty(deps, api, users)) log(line);
  clock.set(null);
  // Back at now: the day's new work, so every light colour shows whatever day the demo is seeded.
  for (const line of await seedToday(deps, api)) log(line);
}

async function inPool<T>(xs: readonly T[], f: (x: T) => Promise<unknown>, width = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < xs.length) await f(xs[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}
