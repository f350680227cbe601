/** 舆情: a public-opinion signal. */
import { z } from 'zod';
import { idSchema, instantSchema, longText, shortText } from './common.js';
import { polarity, signalSeverity } from './enums.js';

export const signalInputSchema = z.strictObject({
  platform: shortText(50),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  title: shortText(500),
  excerpt: longText(4000).optional(),
  publishedAt: instantSchema,
  reach: z
    .strictObject({
      reads: z.number().int().min(0).default(0),
      reposts: z.number().int().min(0).default(0),
      comments: z.number().int().min(0).default(0),
    })
    .default({ reads: 0, reposts: 0, comments: 0 }),
  polarity: polarity.schema,
  severity: signalSeverity.schema,
  unitId: idSchema.nullable().default(null),
  externalId: shortText(100).optional(),
});
export type SignalInput = z.input<typeof signalInputSchema>;

export const signalSchema = signalInputSchema.extend({
  id: idSchema,
  canonicalUrl: z.string(),
  textKey: z.string(),
  /** How many reposts of this signal were ingested and folded into it. */
  repostCount: z.number().int().min(0),
  rectificationId: idSchema.nullable(),
  createdAt: instantSchema,
});
export type Signal = z.infer<typeof signalSchema>;
