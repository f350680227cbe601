/** Notification settings (who gets what, the retry policy) and the dead letters, for admins. */
import { z } from 'zod';
import { role } from '../schemas/enums.js';
import { pageOf, pagingFields } from './common.js';
import { notificationKinds, notificationSchema } from './inbox.js';

export const channels = ['inbox', 'email', 'dingtalk', 'wecom'] as const;
export type ChannelName = (typeof channels)[number];

const idText = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const subscriptionRuleSchema = z
  .strictObject({
    id: idText,
    kinds: z.array(z.enum(notificationKinds)).min(1).max(notificationKinds.length),
    unitId: idText.nullable().meta({ description: "Only events of this unit's subtree (null: every unit)" }),
    roles: z
      .array(role.schema)
      .max(6)
      .meta({ description: "Inbox audience: these roles at the event's unit and `levelsUp` units above it" }),
    levelsUp: z.number().int().min(0).max(5),
    channels: z.array(z.enum(channels)).min(1).max(channels.length),
    emails: z.array(z.email().max(254)).max(50).meta({ description: 'Addresses the email channel sends to' }),
  })
  .meta({ id: 'SubscriptionRule' });
export type SubscriptionRule = z.infer<typeof subscriptionRuleSchema>;

export const retryPolicySchema = z
  .strictObject({
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .max(20)
      .meta({ description: 'Tries before a delivery is dead-lettered' }),
    baseDelaySeconds: z
      .number()
      .int()
      .min(1)
      .max(86_400)
      .meta({ description: 'Wait before the second try; each later one waits twice as long' }),
    maxDelaySeconds: z
      .number()
      .int()
      .min(1)
      .max(7 * 86_400),
  })
  .meta({ id: 'RetryPolicy' });
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

// One shape, three schemas: extending the strict, named schema would document `allOf` with a schema that
// forbids the added member, so no answer could match it.
const settingsShape = {
  rules: z.array(subscriptionRuleSchema).max(200),
  retry: retryPolicySchema,
};
export const notificationSettingsSchema = z.strictObject(settingsShape).meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** The settings with their version (0: the defaults, never written). */
export const notificationSettingsViewSchema = z
  .object({ ...settingsShape, version: z.number().int() })
  .meta({ id: 'NotificationSettingsView' });
export type NotificationSettingsView = z.infer<typeof notificationSettingsViewSchema>;

export const notificationSettingsRequestSchema = z.strictObject({
  ...settingsShape,
  expectedVersion: z.number().int().min(0).meta({ description: 'The version read; 0 for the defaults' }),
});
export type NotificationSettingsRequest = z.input<typeof notificationSettingsRequestSchema>;

export const deliveryStates = ['pending', 'sending', 'sent', 'dead'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** One delivery of a notification to one recipient by one channel. */
export const deliverySchema = z
  .object({
    id: z.string(),
    notificationId: z.string(),
    channel: z.enum(channels),
    to: z.string(),
    state: z.enum(deliveryStates),
    attempts: z.number().int(),
    dueMs: z
      .number()
      .meta({ description: 'When the next try is due (pending), the claim ends (sending), or it died; ms' }),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
    notification: notificationSchema,
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryViewSchema = deliverySchema
  .extend({ version: z.number().int() })
  .meta({ id: 'DeliveryView' });
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveryPageSchema = pageOf(deliveryViewSchema);
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;

export const deadLetterListQuerySchema = z.strictObject({ ...pagingFields() });
export type DeadLetterListQuery = z.infer<typeof deadLetterListQuerySchema>;

export const deadLetterRetryRequestSchema = z.strictObject({ expectedVersion: z.number().int().min(1) });
export type DeadLetterRetryRequest = z.input<typeof deadLetterRetryRequestSchema>;
