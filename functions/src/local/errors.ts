/** Why the local DynamoDB could not be found, started or stopped. Tests assert these codes. */
export type LocalStoreErrorCode =
  | 'localStore.jarNotFound'
  | 'localStore.javaNotFound'
  | 'localStore.launcherNotCompiled'
  | 'localStore.portInUse'
  | 'localStore.exitedEarly'
  | 'localStore.startTimeout';

export class LocalStoreError extends Error {
  readonly code: LocalStoreErrorCode;
  /** The last lines java printed (stdout and stderr, stack frames left out), when it got that far. */
  readonly output: string | undefined;

  constructor(
    code: LocalStoreErrorCode,
    message: string,
    options: { cause?: unknown; output?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'LocalStoreError';
    this.code = code;
    this.output = options.output;
  }
}
