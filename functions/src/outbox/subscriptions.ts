/**
 * Who gets what (issue 7) is data: subscription rules by event kind, unit subtree and role, each with
 * its channels, stored as one settings record that admins read and replace (with its version). Until
 * one is stored the defaults of DESIGN §1/§4 apply: alerts to the supervisors who manage them (the
 * alert's unit and the one above), proposed cases to the inspectors who open them, rectification steps
 * to the people who act next. The retry policy of deliveries lives here too.
 */

import type { UnitTree } from '@jiandu/shared';
import {
  channels as CHANNELS,
  type ChannelName,
  type NotificationSettings,
  notificationSettingsSchema,
  type RetryPolicy,
  retryPolicySchema,
  type SubscriptionRule,
  subscriptionRuleSchema,
} from '@jiandu/shared/api';
import type { Deps } from '../app/deps.js';
import { type StoredRecord, SYSTEM_ACTOR } from '../store/record-store.js';
import { Tx } from '../store/tx.js';
import type { Notification } from './notification.js';

// The settings' shapes are part of the API's contract (`@jiandu/shared/api`).
export {
  CHANNELS,
  type ChannelName,
  type NotificationSettings,
  notificationSettingsSchema,
  type RetryPolicy,
  retryPolicySchema,
  type SubscriptionRule,
  subscriptionRuleSchema,
};

export const DEFAULT_SETTINGS: NotificationSettings = {
  rules: [
    {
      id: 'alerts-to-supervisors',
      kinds: ['alert.raised'],
      unitId: null,
      roles: ['supervisor'],
      levelsUp: 1,
      channels: ['inbox'],
      emails: [],
    },
    {
      id: 'cases-to-inspectors',
      kinds: ['case.proposed'],
      unitId: null,
      roles: ['inspector', 'supervisor'],
      levelsUp: 1,
      channels: ['inbox'],
      emails: [],
    },
    {
      id: 'assigned-to-officers',
      kinds: ['rectification.assigned', 'rectification.rejected'],
      unitId: null,
      roles: ['unit_officer'],
      levelsUp: 0,
      channels: ['inbox'],
      emails: [],
    },
    {
      id: 'submitted-to-reviewers',
      kinds: ['rectification.submitted'],
      unitId: null,
      roles: ['reviewer'],
      levelsUp: 1,
      channels: ['inbox'],
      emails: [],
    },
    {
      // 催办 (issue 16): the responsible unit's own people — its officers and its leaders' accounts
      // (viewers); the notification names the post holders it is addressed to.
      id: 'reminders-to-unit',
      kinds: ['reminder.issued'],
      unitId: null,
      roles: ['unit_officer', 'viewer'],
      levelsUp: 0,
      channels: ['inbox'],
      emails: [],
    },
    {
      // 梯度督办 (issue 16): an escalation step reaches the unit it lands on — its officers and its
      // leaders' accounts; the notification names the post holders of the day it was reached.
      id: 'ladder-to-unit',
      kinds: ['ladder.step'],
      unitId: null,
      roles: ['unit_officer', 'viewer'],
      levelsUp: 0,
      channels: ['inbox'],
      emails: [],
    },
  ],
  retry: { maxAttempts: 5, baseDelaySeconds: 60, maxDelaySeconds: 3600 },
};

export const SETTINGS_ID = 'notifications';

export type StoredSettings = { settings: NotificationSettings; version: number };

/** The stored settings, or the defaults (version 0: none stored yet). */
export async function readSettings(deps: Deps): Promise<StoredSettings> {
  const rec = await deps.store.get<NotificationSettings>('setting', SETTINGS_ID);
  return rec ? { settings: rec.data, version: rec.version } : { settings: DEFAULT_SETTINGS, version: 0 };
}

/** Replaces the settings if they are still at `expectedVersion` (0: none stored yet). */
export function writeSettings(
  deps: Deps,
  before: StoredRecord<NotificationSettings> | null,
  settings: NotificationSettings,
  actor: { id: string },
  at: string,
): Tx {
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'setting',
    id: SETTINGS_ID,
    before,
    data: settings,
    index: {},
    actor: actor.id === SYSTEM_ACTOR.id ? SYSTEM_ACTOR : { id: actor.id, role: 'admin' },
    at,
    action: 'notifications.configure',
  });
  return tx;
}

/** One destination of a notification: a channel and who on it (`role@unit`, an address, a robot). */
export interface Recipient {
  channel: ChannelName;
  to: string;
}

/**
 * The recipients of a notification under `rules` (pure): every rule of its kind whose subtree holds its
 * unit adds, per channel, the inbox audiences (role at the unit and up to `levelsUp` units above), its
 * email addresses, or the group robot. Duplicates across rules count once.
 */
export function recipientsOf(
  n: Pick<Notification, 'kind' | 'unitId'>,
  rules: readonly SubscriptionRule[],
  tree: UnitTree,
): Recipient[] {
  if (!tree.has(n.unitId)) return [];
  const ancestry = tree.ancestry(n.unitId).map((u) => u.id); // the unit, then up to the root
  const out = new Map<string, Recipient>();
  const add = (r: Recipient) => out.set(`${r.channel}|${r.to}`, r);
  for (const rule of rules) {
    if (!rule.kinds.includes(n.kind as never)) continue;
    if (rule.unitId !== null && !ancestry.includes(rule.unitId)) continue;
    for (const channel of rule.channels) {
      if (channel === 'inbox') {
        const units = ancestry.slice(0, rule.levelsUp + 1);
        for (const unitId of units) for (const role of rule.roles) add({ channel, to: `${role}@${unitId}` });
      } else if (channel === 'email') {
        for (const address of rule.emails) add({ channel, to: address.toLowerCase() });
      } else add({ channel, to: channel });
    }
  }
  return [...out.values()];
}

/** When try `attempt` (1-based) failed, the wait before the next: base × 2^(attempt−1), capped. */
export const backoffMs = (attempt: number, p: RetryPolicy): number =>
  Math.min(p.maxDelaySeconds, p.baseDelaySeconds * 2 ** Math.max(0, attempt - 1)) * 1000;
