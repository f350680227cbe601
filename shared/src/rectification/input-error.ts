/** Malformed input to the rectification core becomes `rectification.invalidInput` naming the field. */

import { DomainError } from '../errors/index.js';
import type * as z from '../zod.js';

export function inputError(error: z.core.$ZodError, prefix?: string): DomainError {
  const issue = error.issues[0];
  const path = [...(prefix ? [prefix] : []), ...(issue?.path ?? []).map(String)].join('/');
  return new DomainError('rectification.invalidInput', issue?.message ?? 'invalid input', {
    ...(path ? { field: path } : {}),
  });
}
