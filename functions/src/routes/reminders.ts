/** 督办单/催办: supervisors remind the people responsible for records; reminders listed and read. */
import {
  type Reminder,
  reminderBatchSchema,
  reminderInputSchema,
  reminderListQuerySchema,
  reminderReadRequestSchema,
  reminderSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { idemRef } from '../services/records/idempotency.js';
import {
  getReminder,
  issueReminders,
  listReminders,
  markReminderRead,
} from '../services/reminders/reminders.js';
import { actionRoute, idempotencyHeader, json, listRoute, readRoute } from './common.js';

const issue = defineRoute('reminder.issue', {
  method: 'post',
  path: '/api/v1/reminders',
  tags: ['reminders'],
  summary:
    'Remind the principal and deputy-in-charge of the responsible unit of each record (up to 19), on the day issued',
  request: { headers: idempotencyHeader, body: { required: true, content: json(reminderInputSchema) } },
  responses: {
    201: {
      description:
        'One reminder per record, naming the people reached and any vacant post (a retry: the first answer)',
      content: json(reminderBatchSchema),
    },
  },
});

const list = listRoute(
  'reminder.read',
  'reminders',
  reminderListQuerySchema,
  reminderSchema,
  'Reminders in your jurisdiction, newest first; those on one record with targetType and targetId',
);

const read = readRoute('reminder.read', 'reminders', reminderSchema, 'Read one reminder', 'The reminder');

const markRead = actionRoute('reminder.ack', 'reminders', 'read', reminderReadRequestSchema, reminderSchema, {
  summary: 'Mark a reminder read (a user of the responsible unit); the first read per user is kept',
  after: 'The reminder with its reads',
});

export function reminderRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(issue, async (c) => {
    const p = c.get('principal');
    const body = c.req.valid('json');
    const res = await issueReminders(
      deps,
      p,
      body,
      idemRef(c.req.header('idempotency-key'), `${p.id}:reminders`, body),
    );
    return c.json(res.body as { items: Reminder[] }, 201);
  });
  r.openapi(list, async (c) =>
    c.json(await listReminders(deps, c.get('principal'), c.req.valid('query')), 200),
  );
  r.openapi(read, async (c) =>
    c.json(await getReminder(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  r.openapi(markRead, async (c) =>
    c.json(await markReminderRead(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  return r;
}
