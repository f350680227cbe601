/**
 * A box that scrolls sideways when its content is wider than a phone, and that a keyboard user can scroll
 * too: it is focusable and named (axe: scrollable-region-focusable).
 */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard (WCAG 2.1.1)
    <section className="scroll-region" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
