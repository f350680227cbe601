/**
 * The actions of the rectification workflow (DESIGN §4.4) as one zod discriminated union: the API
 * validates request bodies with it, and `applyAction` parses every action with it again.
 *
 * Reasons are optional in the schema on purpose: a missing or blank reason where one is required is a
 * rule (`rectification.reasonRequired`), not a malformed body (`rectification.invalidInput`).
 */
import { localDateSchema, longText, plainText } from '../schemas/common.js';
import { evidenceSchema } from '../schemas/evidence.js';
import * as z from '../zod.js';

/** At most 1000 characters, like `lastRejection.reason` and the extension reasons it is stored in. */
const reason = z.nullish(plainText().check(z.maxLength(1000)));
const text = longText(4000);
const evidenceMeta = z.pick(evidenceSchema, {
  fileName: true,
  contentType: true,
  size: true,
  sha256: true,
}).shape;

export const rectificationActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('addMeasure'), text }),
  z.strictObject({ type: z.literal('addProgress'), text }),
  /** Metadata of a file already uploaded (presigned upload); the bytes never pass through the core. */
  z.strictObject({ type: z.literal('addEvidence'), ...evidenceMeta }),
  z.strictObject({ type: z.literal('submit') }),
  z.strictObject({ type: z.literal('approve') }),
  z.strictObject({ type: z.literal('reject'), reason }),
  z.strictObject({ type: z.literal('reopen'), reason }),
  z.strictObject({ type: z.literal('requestExtension'), deadline: localDateSchema, reason }),
  /** `reason` of a decision is optional for approval and denial alike. */
  z.strictObject({ type: z.literal('decideExtension'), approve: z.boolean(), reason }),
]);

export type RectificationAction = z.input<typeof rectificationActionSchema>;
export type ParsedRectificationAction = z.output<typeof rectificationActionSchema>;
export type RectificationActionType = RectificationAction['type'];

/** Every action type, in the order `allowedActions` lists them. */
export const rectificationActionTypes = [
  'start',
  'addMeasure',
  'addProgress',
  'addEvidence',
  'submit',
  'approve',
  'reject',
  'reopen',
  'requestExtension',
  'decideExtension',
] as const satisfies readonly RectificationActionType[];
