/** Why the table could not be set up. Tests assert these codes. */
export type StoreErrorCode = 'store.tableMismatch' | 'store.ttlMismatch';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
