/** A new rectification: `assigned`, version 1, its first deadline the first entry of `deadlines`. */
import { type Instant, isInstant } from '../calendar/local-date.js';
import { DomainError } from '../errors/index.js';
import { idSchema } from '../schemas/common.js';
import {
  type Rectification,
  type RectificationInput,
  rectificationInputSchema,
} from '../schemas/rectification.js';
import { inputError } from './input-error.js';
import { NO_REVIEW } from './transitions.js';

/**
 * Creates the record (who may assign is the API's check: supervisors assign, and inspectors' findings,
 * petitions, signals and imports open rectifications too). Input is validated with the record's schema;
 * a bad field fails with `rectification.invalidInput` naming it.
 */
export function newRectification(
  input: RectificationInput,
  meta: { id: string; at: Instant; by: string },
): Rectification {
  const parsed = rectificationInputSchema.safeParse(input);
  if (!parsed.success) throw inputError(parsed.error);
  for (const field of ['id', 'by'] as const) {
    const r = idSchema.safeParse(meta[field]);
    if (!r.success) throw inputError(r.error, field);
  }
  if (!isInstant(meta.at))
    throw new DomainError('rectification.invalidInput', `not an instant: ${meta.at}`, { field: 'at' });
  const { id, at, by } = meta;
  return {
    ...parsed.data,
    id,
    state: 'assigned',
    version: 1,
    measures: [],
    progress: [],
    evidence: [],
    deadlines: [{ deadline: parsed.data.deadline, at, by, reason: null }],
    extensions: [],
    ...NO_REVIEW,
    lastRejection: null,
    createdAt: at,
  };
}
