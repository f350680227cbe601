/** The in-app inbox: the caller's notifications, read or not, and marking one read. */
import { z } from 'zod';

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
  subject: z.object({ type: z.string(), id: z.string() }).meta({ description: 'The record it is about' }),
  unitId: z.string().meta({ description: 'The unit whose people are concerned' }),
  severity: z.enum(['info', 'warning', 'critical']),
  title: z.string(),
  text: z.string(),
  at: z.string().meta({ description: 'When the cause happened (ISO instant in the scheme’s zone)' }),
});
export type Notification = z.infer<typeof notificationSchema>;

export const inboxQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  unread: z.enum(['true', 'false']).optional(),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const inboxItemSchema = notificationSchema
  .extend({ read: z.boolean().meta({ description: 'Whether you have read it' }) })
  .meta({ id: 'InboxItem' });
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** Your newest notifications and how many of them are unread. */
export const inboxSchema = z.object({ items: z.array(inboxItemSchema), unread: z.number().int().min(0) });
export type Inbox = z.infer<typeof inboxSchema>;

/** Marking read takes no fields. */
export const inboxReadRequestSchema = z.strictObject({});
