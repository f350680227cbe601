/**
 * What every CLI shares: the environment (env.ts), the local stack (DynamoDB Local under DATA_DIR, or
 * DYNAMODB_ENDPOINT when set — point it at the store of a running `npm start`), an exit code, and a
 * clean stop of the store.
 */
import { type Env, readEnv } from '../env.js';
import { type LocalStack, startLocalStack } from '../local/stack.js';

export const say = (s: string) => process.stdout.write(`${s}\n`);

export function runCli(name: string, body: (stack: LocalStack, env: Env) => Promise<number>): void {
  const main = async () => {
    const env = readEnv();
    const stack = await startLocalStack(env);
    try {
      return await body(stack, env);
    } finally {
      await stack.stop();
    }
  };
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`${name} failed:`, e instanceof Error ? e.message : e);
      process.exit(2);
    },
  );
}
