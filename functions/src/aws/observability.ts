/**
 * Powertools for AWS Lambda around every entry point: structured JSON logs with the invocation's
 * context, and metrics in the embedded metric format (namespace Jiandu, one service per function, a
 * cold-start metric, a job's counts). Traces come from Lambda's active tracing (X-Ray), set on every
 * function by the stack; Powertools' Tracer is left out on purpose: it bundles the X-Ray SDK (~105 KB
 * minified with semver and cls-hooked), a third of DESIGN §8's bundle bar, to add SDK-call subsegments.
 * Nothing here reads the environment: the entry passes the parsed env's values.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { Env } from '../env.js';

export const METRICS_NAMESPACE = 'Jiandu';

export interface Observability {
  service: string;
  logger: Logger;
  metrics: Metrics;
}

const LEVELS = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' } as const;

export function observability(service: string, logLevel: Env['LOG_LEVEL']): Observability {
  return {
    service,
    logger: new Logger({ serviceName: service, logLevel: LEVELS[logLevel] }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service }),
  };
}

/** Counts as metrics (a job's scanned, raised …). */
export function addCounts(obs: Observability, counts: Record<string, number>): void {
  for (const [name, value] of Object.entries(counts)) obs.metrics.addMetric(name, MetricUnit.Count, value);
}

/** Runs one invocation inside the logger's context, then flushes its metrics. */
export async function observed<T>(obs: Observability, context: Context, run: () => Promise<T>): Promise<T> {
  const { logger, metrics } = obs;
  logger.addContext(context);
  metrics.captureColdStartMetric();
  try {
    return await run();
  } catch (e) {
    logger.error('invocation failed', e as Error);
    throw e;
  } finally {
    metrics.publishStoredMetrics();
  }
}
