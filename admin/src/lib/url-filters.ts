/** Filters live in the URL (shareable links): read them, and change some while keeping the rest. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (patch: Partial<Record<K, string | null | undefined>>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [params, keys]);
  const set = useCallback(
    (patch: Partial<Record<K, string | null | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, string | null | undefined][]) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const clear = useCallback(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const k of keys) next.delete(k);
        return next;
      },
      { replace: true },
    );
  }, [setParams, keys]);
  return [values, set, clear];
}

/**
 * A list screen's filters in the URL, with what its FilterBar and empty state need wired once: the unit
 * filter (`unitId`), the keyword (`q`, when the list has one), whether any filter is set, and clear.
 * Spread `bar` on <FilterBar> and `empty` on <ListBody>.
 */
export function useListFilters<K extends string>(keys: readonly K[]) {
  const [f, setF, clear] = useUrlFilters(keys);
  const filtered = Object.keys(f).length > 0;
  const set = setF as (patch: Partial<Record<string, string | null | undefined>>) => void;
  const values = f as Partial<Record<string, string>>;
  const bar = {
    unitId: values.unitId,
    onUnit: (unitId: string | undefined) => set({ unitId }),
    filtered,
    onClear: clear,
    ...((keys as readonly string[]).includes('q')
      ? { keyword: values.q, onKeyword: (q: string | undefined) => set({ q }) }
      : {}),
  };
  return { f, setF, clear, filtered, bar, empty: { filtered, onClear: clear } };
}
