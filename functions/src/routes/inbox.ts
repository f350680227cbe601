/** The in-app inbox (issue 7): every user's notifications, read / unread. */
import { inboxItemSchema, inboxQuerySchema, inboxReadRequestSchema, inboxSchema } from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { listInbox, markRead } from '../outbox/inbox.js';
import { markReminderRead } from '../services/reminders/reminders.js';
import { idParam, json } from './common.js';

const list = defineRoute('self.inbox', {
  method: 'get',
  path: '/api/v1/inbox',
  tags: ['inbox'],
  summary: 'Your newest notifications (the audiences of your roles at your unit), with the unread count',
  request: { query: inboxQuerySchema },
  responses: {
    200: {
      description: 'Notifications, newest first',
      content: json(inboxSchema),
    },
  },
});

const read = defineRoute('self.inbox', {
  method: 'post',
  path: '/api/v1/inbox/{id}/read',
  tags: ['inbox'],
  summary: 'Mark one of your notifications read (reading it again changes nothing)',
  request: { params: idParam, body: { required: true, content: json(inboxReadRequestSchema) } },
  responses: {
    200: { description: 'The notification, read', content: json(inboxItemSchema) },
  },
});

export function inboxRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(list, async (c) => c.json(await listInbox(deps, c.get('principal'), c.req.valid('query')), 200));
  r.openapi(read, async (c) => {
    const p = c.get('principal');
    const item = await markRead(deps, p, c.req.valid('param').id);
    // Opening a reminder (催办) in the inbox is its read receipt.
    if (item.kind === 'reminder.issued') await markReminderRead(deps, p, item.subject.id);
    return c.json(item, 200);
  });
  return r;
}
