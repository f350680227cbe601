/** Why the local DynamoDB could not be found, started or stopped. Tests assert these codes. */
export type LocalStoreErrorCode =
  | 'localStore.jarNotFound'
  | 'localStore.javaNotFound'
  | 'localStore.portInUse'
  | 'localStore.exitedEarly'
  | 'localStore.startTimeout';

export class LocalStoreError extends Error {
  readonly code: LocalStoreErrorCode;

  constructor(code: LocalStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalStoreError';
    this.code = code;
  }
}
