/**
 * Notification settings and dead letters (issue 7), for admins: who gets what (subscription rules and the
 * retry policy, replaced whole with the version read) and the deliveries that gave up, with a retry.
 */
import {
  deadLetterListQuerySchema,
  deadLetterRetryRequestSchema,
  deliveryPageSchema,
  deliveryViewSchema,
  notificationSettingsRequestSchema,
  notificationSettingsViewSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import { type Deps, nowIso } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { newRouter } from '../app/router.js';
import { listDeadLetters, retryDeadLetter } from '../outbox/dead-letters.js';
import {
  DEFAULT_SETTINGS,
  type NotificationSettings,
  readSettings,
  SETTINGS_ID,
  writeSettings,
} from '../outbox/subscriptions.js';
import { assertVersion, commitOrConflict } from '../services/records/conflict.js';
import { idParam, json } from './common.js';

const getSettings = defineRoute('notification.manage', {
  method: 'get',
  path: '/api/v1/notifications/subscriptions',
  tags: ['notifications'],
  summary: 'Who gets which notification by which channel, and the retry policy (version 0: the defaults)',
  responses: { 200: { description: 'The settings', content: json(notificationSettingsViewSchema) } },
});

const putSettings = defineRoute('notification.manage', {
  method: 'put',
  path: '/api/v1/notifications/subscriptions',
  tags: ['notifications'],
  summary:
    'Replace the subscriptions and retry policy (expectedVersion: the version read; 0 for the defaults)',
  request: {
    body: {
      required: true,
      content: json(notificationSettingsRequestSchema),
    },
  },
  responses: {
    200: { description: 'The settings stored', content: json(notificationSettingsViewSchema) },
  },
});

const deadLetters = defineRoute('notification.manage', {
  method: 'get',
  path: '/api/v1/notifications/dead-letters',
  tags: ['notifications'],
  summary: 'Deliveries that failed every try, with their last error',
  request: { query: deadLetterListQuerySchema },
  responses: { 200: { description: 'A page', content: json(deliveryPageSchema) } },
});

const retry = defineRoute('notification.manage', {
  method: 'post',
  path: '/api/v1/notifications/dead-letters/{id}/retry',
  tags: ['notifications'],
  summary: 'Send a dead letter again: back to pending, with a fresh count of tries',
  request: { params: idParam, body: { required: true, content: json(deadLetterRetryRequestSchema) } },
  responses: {
    200: { description: 'The delivery, pending', content: json(deliveryViewSchema) },
  },
});

export function notificationRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(getSettings, async (c) => {
    const { settings, version } = await readSettings(deps);
    return c.json({ ...settings, version }, 200);
  });
  r.openapi(putSettings, async (c) => {
    const { expectedVersion, ...settings } = c.req.valid('json');
    for (const [i, rule] of settings.rules.entries()) {
      if (rule.unitId !== null && (await deps.units.pathOf(rule.unitId)) === null)
        throw new EdgeError('unit.notFound', `no unit ${rule.unitId}`, {
          field: `rules/${i}/unitId`,
        });
    }
    const before = await deps.store.get<NotificationSettings>('setting', SETTINGS_ID);
    const current = async () => {
      const now = await readSettings(deps);
      return { ...now.settings, version: now.version };
    };
    assertVersion(expectedVersion, { version: before?.version ?? 0 }, () =>
      before ? { ...before.data, version: before.version } : { ...DEFAULT_SETTINGS, version: 0 },
    );
    const tx = writeSettings(deps, before, settings, c.get('principal'), await nowIso(deps));
    await commitOrConflict(() => tx.commit(deps.doc), current);
    return c.json({ ...settings, version: (before?.version ?? 0) + 1 }, 200);
  });
  r.openapi(deadLetters, async (c) =>
    c.json(await listDeadLetters(deps, c.get('principal'), c.req.valid('query')), 200),
  );
  r.openapi(retry, async (c) =>
    c.json(
      await retryDeadLetter(
        deps,
        c.get('principal'),
        c.req.valid('param').id,
        c.req.valid('json').expectedVersion,
      ),
      200,
    ),
  );
  return r;
}
