/**
 * Exports to xlsx (DESIGN §7): every list with its own filters (the list's query without paging, from
 * the list's contract), a published ranking snapshot, and a monthly bulletin.
 */
import { idSchema } from '../schemas/common.js';
import * as z from '../zod.js';
import { monthKeyField, unitIdField } from './common.js';

export const snapshotExportQuerySchema = z.object({ id: idSchema });
export type SnapshotExportQuery = z.infer<typeof snapshotExportQuerySchema>;

export const bulletinExportQuerySchema = z.object({
  month: monthKeyField,
  unitId: z
    .optional(unitIdField)
    .apply(z.withMeta, { description: 'The scope unit (default: your home unit)' }),
});
export type BulletinExportQuery = z.infer<typeof bulletinExportQuerySchema>;

/** The body is a workbook, not JSON: no schema describes its bytes. */
export const workbookSchema = z.any().apply(z.withMeta, { description: 'The workbook (xlsx), streamed' });
