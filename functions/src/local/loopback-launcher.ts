import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LocalStoreError } from './errors.js';
import type { DynamoLocalJar } from './jar.js';

/** The class that starts DynamoDB Local on 127.0.0.1 only (see LoopbackDynamoDBLocal.java). */
export const LAUNCHER_CLASS = 'LoopbackDynamoDBLocal';
const SOURCE = join(import.meta.dirname, `${LAUNCHER_CLASS}.java`);

/**
 * The directory holding the compiled launcher class, to put on the class path before the jar. Compiled
 * once per launcher source and jar (about 3 s), with the javac of the same `java` (`-m jdk.compiler/…`),
 * into `node_modules/.cache/jiandu-dynamodb-local/<hash>`; later starts only check that it is there.
 * Concurrent first starts (parallel test files) each compile into their own directory and the first
 * rename wins.
 */
export async function loopbackLauncher(java: string, { jar, cacheDir }: DynamoLocalJar): Promise<string> {
  const source = readFileSync(SOURCE);
  const jarStat = statSync(jar);
  const key = createHash('sha256')
    .update(source)
    .update(`\0${jar}\0${jarStat.size}\0${jarStat.mtimeMs}`)
    .digest('hex')
    .slice(0, 16);
  const classDir = join(cacheDir, key);
  if (existsSync(join(classDir, `${LAUNCHER_CLASS}.class`))) return classDir;

  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  const work = mkdtempSync(join(cacheDir, `${key}.tmp-`));
  try {
    await compile(java, ['--release', '17', '-nowarn', '-d', work, '-cp', jar, SOURCE]);
    try {
      renameSync(work, classDir);
    } catch (error) {
      // Another start compiled the same launcher first: use that one.
      if (!existsSync(join(classDir, `${LAUNCHER_CLASS}.class`))) throw error;
    }
    return classDir;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function compile(java: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(java, ['-m', 'jdk.compiler/com.sun.tools.javac.Main', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new LocalStoreError(
          'localStore.javaNotFound',
          `Cannot run "${java}" (${error.code ?? error.message}); DynamoDB Local needs Java 17+ on PATH`,
          { cause: error },
        ),
      ),
    );
    child.once('close', (code) => {
      if (code === 0) return resolve();
      reject(
        new LocalStoreError(
          'localStore.launcherNotCompiled',
          `Could not compile ${SOURCE} with "${java}" (a JDK 17+ with the jdk.compiler module is needed):\n${output}`,
          { output },
        ),
      );
    });
  });
}
