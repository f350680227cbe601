/** An immutable event of the ledger: who did what to which record, with before/after and a hash chain. */
import * as z from '../zod.js';
import { idSchema, instantSchema } from './common.js';
import { role } from './enums.js';

export const ledgerEventSchema = z.strictObject({
  /** The record the event belongs to, e.g. "rectification#01J…" */
  recordKey: z.string().check(z.minLength(1), z.maxLength(200)),
  /** 1 for the first event of a record, then consecutive. */
  seq: z.int().check(z.gte(1)),
  actorId: idSchema,
  role: z.union([role.schema, z.literal('system')]),
  /** When the event was recorded: the server's now. */
  at: instantSchema,
  /**
   * When what it records happened, where that is not `at`: a past instant carried in by a migration
   * import (a ledger row's closure date, a petition's acceptance). Absent on every live event.
   */
  occurredAt: z.optional(instantSchema),
  action: z.string().check(z.minLength(1), z.maxLength(100)),
  before: z.nullable(z.unknown()),
  after: z.nullable(z.unknown()),
  reason: z.nullable(z.string().check(z.maxLength(4000))),
  /** Hash of the previous event of this record ("" for the first). */
  prevHash: z.string(),
  /** SHA-256 hex of prevHash ‖ canonical JSON of the event without `hash`. */
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type LedgerEvent = z.infer<typeof ledgerEventSchema>;
