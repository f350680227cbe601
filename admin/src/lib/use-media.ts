/** Whether a CSS media query matches now, following its changes (the window resized, a setting changed). */
import { useEffect, useState } from 'react';

export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => globalThis.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const m = globalThis.matchMedia?.(query);
    if (!m) return;
    const on = () => setMatches(m.matches);
    on();
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return matches;
}

/**
 * The user asked the system for less motion (WCAG 2.3.3): dialogs, drawers and messages then appear
 * without their zoom and slide.
 */
export const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
