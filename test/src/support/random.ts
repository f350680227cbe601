/** A seeded PRNG (mulberry32) for generated test traffic that is the same on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, nextInt: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}
export type Seeded = ReturnType<typeof seeded>;
