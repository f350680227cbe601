/** Notification settings (who gets what, the retry policy) and the dead letters, for admins. */
import { role } from '../schemas/enums.js';
import * as z from '../zod.js';
import { pageOf, pagingFields } from './common.js';
import { notificationKinds, notificationSchema } from './inbox.js';

export const channels = ['inbox', 'email', 'dingtalk', 'wecom'] as const;
export type ChannelName = (typeof channels)[number];

const idText = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

export const subscriptionRuleSchema = z
  .strictObject({
    id: idText,
    kinds: z.array(z.enum(notificationKinds)).check(z.minLength(1), z.maxLength(notificationKinds.length)),
    unitId: z
      .nullable(idText)
      .apply(z.withMeta, { description: "Only events of this unit's subtree (null: every unit)" }),
    roles: z.array(role.schema).check(z.maxLength(6)).apply(z.withMeta, {
      description: "Inbox audience: these roles at the event's unit and `levelsUp` units above it",
    }),
    levelsUp: z.int().check(z.gte(0), z.lte(5)),
    channels: z.array(z.enum(channels)).check(z.minLength(1), z.maxLength(channels.length)),
    emails: z
      .array(z.email().check(z.maxLength(254)))
      .check(z.maxLength(50))
      .apply(z.withMeta, { description: 'Addresses the email channel sends to' }),
  })
  .apply(z.withMeta, { id: 'SubscriptionRule' });
export type SubscriptionRule = z.infer<typeof subscriptionRuleSchema>;

export const retryPolicySchema = z
  .strictObject({
    maxAttempts: z
      .int()
      .check(z.gte(1), z.lte(20))
      .apply(z.withMeta, { description: 'Tries before a delivery is dead-lettered' }),
    baseDelaySeconds: z
      .int()
      .check(z.gte(1), z.lte(86_400))
      .apply(z.withMeta, { description: 'Wait before the second try; each later one waits twice as long' }),
    maxDelaySeconds: z.int().check(z.gte(1), z.lte(7 * 86_400)),
  })
  .apply(z.withMeta, { id: 'RetryPolicy' });
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

// One shape, three schemas: extending the strict, named schema would document `allOf` with a schema that
// forbids the added member, so no answer could match it.
const settingsShape = {
  rules: z.array(subscriptionRuleSchema).check(z.maxLength(200)),
  retry: retryPolicySchema,
};
export const notificationSettingsSchema = z
  .strictObject(settingsShape)
  .apply(z.withMeta, { id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** The settings with their version (0: the defaults, never written). */
export const notificationSettingsViewSchema = z
  .object({ ...settingsShape, version: z.int() })
  .apply(z.withMeta, { id: 'NotificationSettingsView' });
export type NotificationSettingsView = z.infer<typeof notificationSettingsViewSchema>;

export const notificationSettingsRequestSchema = z.strictObject({
  ...settingsShape,
  expectedVersion: z
    .int()
    .check(z.gte(0))
    .apply(z.withMeta, { description: 'The version read; 0 for the defaults' }),
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
    attempts: z.int(),
    dueMs: z.number().apply(z.withMeta, {
      description: 'When the next try is due (pending), the claim ends (sending), or it died; ms',
    }),
    lastError: z.nullable(z.string()),
    sentAt: z.nullable(z.string()),
    notification: notificationSchema,
  })
  .apply(z.withMeta, { id: 'Delivery' });
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryViewSchema = z
  .extend(deliverySchema, { version: z.int() })
  .apply(z.withMeta, { id: 'DeliveryView' });
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveryPageSchema = pageOf(deliveryViewSchema);
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;

export const deadLetterListQuerySchema = z.strictObject({ ...pagingFields() });
export type DeadLetterListQuery = z.infer<typeof deadLetterListQuerySchema>;

export const deadLetterRetryRequestSchema = z.strictObject({ expectedVersion: z.int().check(z.gte(1)) });
export type DeadLetterRetryRequest = z.input<typeof deadLetterRetryRequestSchema>;
