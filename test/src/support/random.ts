/** A seeded PRNG for generated test traffic that is the same on every run: the demo seed's mulberry32. */
import { rng } from '@jiandu/functions/seed/random';

export function seeded(seed: number) {
  const r = rng(seed);
  return { next: r.next, nextInt: r.int };
}
export type Seeded = ReturnType<typeof seeded>;
