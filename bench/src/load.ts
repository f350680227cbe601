/** The two ways a row sends its load: autocannon against the API, and SDK workers against the store. */
import autocannon from 'autocannon';

export interface HttpLoad {
  url: string;
  token: string;
  connections: number;
  /** Bodies sent in turn, one per request (the count of requests is the count of bodies). */
  bodies: readonly string[];
  /** Extra headers (an Idempotency-Key …); `[<id>]` in a value becomes a unique id per request. */
  headers?: Record<string, string>;
  /** Seconds before autocannon gives up on one request. */
  timeoutS?: number;
  onBody?: (status: number, body: string) => void;
}

export interface LoadResult {
  /** Wall time from the first request sent to the last answer, ms. */
  elapsedMs: number;
  /** Latency of each 2xx answer, ms. */
  latencies: number[];
  non2xx: number;
  errors: number;
  /** The first failure's message, if any. */
  firstError?: string;
}

/** Sends every body once through autocannon (bounded: a count of requests, not a duration). */
export function httpLoad(load: HttpLoad): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const instance = autocannon(
      {
        url: load.url,
        method: 'POST',
        connections: Math.min(load.connections, load.bodies.length),
        amount: load.bodies.length,
        timeout: load.timeoutS ?? 120,
        idReplacement: Object.values(load.headers ?? {}).some((v) => v.includes('[<id>]')),
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${load.token}`,
          ...load.headers,
        },
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: load.bodies[next++ % load.bodies.length] }),
            ...(load.onBody
              ? { onResponse: (status: number, body: string) => load.onBody!(status, body) }
              : {}),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          elapsedMs: performance.now() - t0,
          latencies,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      },
    );
    // autocannon emits (client, statusCode, bytes, responseTime ms with fractions); its typings omit client.
    (instance as unknown as NodeJS.EventEmitter).on(
      'response',
      (_client: unknown, status: number, _bytes: number, ms: number) => {
        if (status >= 200 && status < 300) latencies.push(ms);
      },
    );
  });
}

/**
 * Runs `jobs` on `workers` concurrent workers, each taking the next job when it is done with one; the
 * latency of each job is measured around `run` alone.
 */
export async function workerLoad<J>(
  jobs: readonly J[],
  workers: number,
  run: (job: J) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const s = performance.now();
        try {
          await run(job);
          latencies.push(performance.now() - s);
        } catch (e) {
          errors++;
          firstError ??= e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        }
      }
    }),
  );
  return {
    elapsedMs: performance.now() - t0,
    latencies,
    non2xx: 0,
    errors,
    ...(firstError ? { firstError } : {}),
  };
}
