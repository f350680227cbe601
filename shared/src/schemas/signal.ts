/** 舆情: a public-opinion signal. */
import * as z from '../zod.js';
import { idSchema, instantSchema, longText, shortText } from './common.js';
import { polarity, signalSeverity } from './enums.js';

export const signalInputSchema = z.strictObject({
  platform: shortText(50),
  url: z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)),
  title: shortText(500),
  excerpt: z.optional(longText(4000)),
  publishedAt: instantSchema,
  reach: z._default(
    z.strictObject({
      reads: z._default(z.int().check(z.gte(0)), 0),
      reposts: z._default(z.int().check(z.gte(0)), 0),
      comments: z._default(z.int().check(z.gte(0)), 0),
    }),
    { reads: 0, reposts: 0, comments: 0 },
  ),
  polarity: polarity.schema,
  severity: signalSeverity.schema,
  unitId: z._default(z.nullable(idSchema), null),
  externalId: z.optional(shortText(100)),
});
export type SignalInput = z.input<typeof signalInputSchema>;

export const signalSchema = z.extend(signalInputSchema, {
  id: idSchema,
  canonicalUrl: z.string(),
  textKey: z.string(),
  /** How many reposts of this signal were ingested and folded into it. */
  repostCount: z.int().check(z.gte(0)),
  rectificationId: z.nullable(idSchema),
  createdAt: instantSchema,
});
export type Signal = z.infer<typeof signalSchema>;
