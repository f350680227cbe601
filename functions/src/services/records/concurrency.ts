/** Running many awaits at once, and waiting before a retry, for the batch paths (petitions, signals). */

/** Runs `f` over `items` with at most `n` at a time; results in the order of `items`. */
export async function inPool<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await f(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** A pause before retrying a write that lost a race: longer with every attempt (no clock read). */
export const backoff = (attempt: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.min(200, 5 * (attempt + 1))));
