/**
 * Text key for repost detection (DESIGN §4.5: the same normalized text reposted is one signal): NFKC
 * (full-width → half-width, compatibility forms folded), lower-case, and every punctuation (\p{P}: Chinese
 * and ASCII), symbol (\p{S}: emoji, ＋, ￥ …), whitespace (\s) and control or format character (\p{Cc},
 * \p{Cf}: zero-width spaces reposts often carry) removed. Chosen: whitespace is removed, not collapsed —
 * reposts re-break lines and add spaces between Chinese words, and a key without spaces matches them.
 * Repeated until stable (removing a character can let NFKC compose its neighbours), so it is idempotent.
 */
import type { Signal } from '../schemas/signal.js';
import { canonicalizeUrl } from './canonical-url.js';

const STRIP = /[\p{P}\p{S}\p{Cc}\p{Cf}\s]+/gu;

const step = (s: string): string => s.normalize('NFKC').toLowerCase().replace(STRIP, '').normalize('NFKC');

export function normalizeSignalText(text: string): string {
  let cur = step(text);
  for (let i = 0; i < 8; i++) {
    const next = step(cur);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

export interface SignalKeys {
  canonicalUrl: string;
  /** Normalized title + excerpt; "" when nothing is left (never matched, see dedup.ts). */
  textKey: string;
}

/** The two dedup keys of a signal; the text key is built from the title followed by the excerpt. */
export function signalKeys(
  signal: Pick<Signal, 'url' | 'title'> & { excerpt?: string | undefined },
): SignalKeys {
  return {
    canonicalUrl: canonicalizeUrl(signal.url),
    textKey: normalizeSignalText(`${signal.title}\n${signal.excerpt ?? ''}`),
  };
}
