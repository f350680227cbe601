/** An immutable event of the ledger: who did what to which record, with before/after and a hash chain. */
import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';
import { role } from './enums.js';

export const ledgerEventSchema = z.strictObject({
  /** The record the event belongs to, e.g. "rectification#01J…" */
  recordKey: z.string().min(1).max(200),
  /** 1 for the first event of a record, then consecutive. */
  seq: z.number().int().min(1),
  actorId: idSchema,
  role: z.union([role.schema, z.literal('system')]),
  /** When the event was recorded: the server's now. */
  at: instantSchema,
  /**
   * When what it records happened, where that is not `at`: a past instant carried in by a migration
   * import (a ledger row's closure date, a petition's acceptance). Absent on every live event.
   */
  occurredAt: instantSchema.optional(),
  action: z.string().min(1).max(100),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().max(4000).nullable(),
  /** Hash of the previous event of this record ("" for the first). */
  prevHash: z.string(),
  /** SHA-256 hex of prevHash ‖ canonical JSON of the event without `hash`. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LedgerEvent = z.infer<typeof ledgerEventSchema>;
