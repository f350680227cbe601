import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REDUCED_MOTION, useMedia } from './use-media.js';

/** A matchMedia whose answer the test sets, telling its listeners as a browser does. */
function fakeMedia(initial: boolean) {
  let matches = initial;
  const listeners = new Set<() => void>();
  const list = {
    get matches() {
      return matches;
    },
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  };
  vi.stubGlobal('matchMedia', () => list);
  return {
    set(v: boolean) {
      matches = v;
      for (const f of listeners) f();
    },
    listeners,
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useMedia', () => {
  it('answers the query now and follows a change of the setting, and lets go when unmounted', () => {
    const media = fakeMedia(false);
    const { result, unmount } = renderHook(() => useMedia(REDUCED_MOTION));
    expect(result.current).toBe(false);
    act(() => media.set(true));
    expect(result.current).toBe(true);
    act(() => media.set(false));
    expect(result.current).toBe(false);
    unmount();
    expect(media.listeners.size).toBe(0);
  });

  it('starts from the setting already made', () => {
    fakeMedia(true);
    expect(renderHook(() => useMedia(REDUCED_MOTION)).result.current).toBe(true);
  });
});
