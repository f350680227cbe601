/** The in-app inbox: the caller's notifications, read or not, and marking one read. */
import * as z from '../zod.js';

/** What a notification can be about (the outbox raises exactly these). */
export const notificationKinds = [
  'alert.raised',
  'case.proposed',
  'rectification.assigned',
  'rectification.submitted',
  'rectification.rejected',
  'reminder.issued',
  'ladder.step',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** A notification as raised by the outbox, in the same transaction as its cause. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  subject: z
    .object({ type: z.string(), id: z.string() })
    .apply(z.withMeta, { description: 'The record it is about' }),
  unitId: z.string().apply(z.withMeta, { description: 'The unit whose people are concerned' }),
  severity: z.enum(['info', 'warning', 'critical']),
  title: z.string(),
  text: z.string(),
  at: z
    .string()
    .apply(z.withMeta, { description: 'When the cause happened (ISO instant in the scheme’s zone)' }),
});
export type Notification = z.infer<typeof notificationSchema>;

export const inboxQuerySchema = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  unread: z.optional(z.enum(['true', 'false'])),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const inboxItemSchema = z
  .extend(notificationSchema, {
    read: z.boolean().apply(z.withMeta, { description: 'Whether you have read it' }),
  })
  .apply(z.withMeta, { id: 'InboxItem' });
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** Your newest notifications and how many of them are unread. */
export const inboxSchema = z.object({ items: z.array(inboxItemSchema), unread: z.int().check(z.gte(0)) });
export type Inbox = z.infer<typeof inboxSchema>;

/** Marking read takes no fields. */
export const inboxReadRequestSchema = z.strictObject({});
