/** Small, pure statistics for the bench: percentiles, medians, rates and formatting. */

/** The p-th percentile (0–100) by linear interpolation between closest ranks; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0–100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(latenciesMs: readonly number[]): LatencySummary {
  return {
    count: latenciesMs.length,
    p50: percentile(latenciesMs, 50),
    p99: percentile(latenciesMs, 99),
    max: percentile(latenciesMs, 100),
  };
}

/** Items per second. */
export const perSecond = (count: number, elapsedMs: number): number =>
  elapsedMs > 0 ? (count * 1000) / elapsedMs : Number.NaN;

/** Numbers as a reader wants them in a table: 3 significant digits, thousands separated. */
export function fmt(n: number, unit = ''): string {
  if (!Number.isFinite(n)) return 'n/a';
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const text = n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** A count: whole, thousands separated. */
export const int = (n: number): string =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';

export const pct = (ratio: number): string =>
  Number.isFinite(ratio) ? `${(ratio * 100).toFixed(0)} %` : 'n/a';

export const times = (ratio: number): string => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a');

/**
 * The items in round `r`'s order when several are measured side by side: rotated by ⌊r/2⌋ and reversed
 * on odd rounds — over any 2n rounds from an even one, every item is measured in every position equally
 * often (for n ≤ 3 in all n! orders), so no item's figure carries the cost of where it stands.
 */
export function roundOrder<T>(items: readonly T[], r: number): T[] {
  if (items.length === 0) return [];
  const k = Math.floor(r / 2) % items.length;
  const rotated = [...items.slice(k), ...items.slice(0, k)];
  return r % 2 === 0 ? rotated : rotated.reverse();
}
