/**
 * Canonical URL of an opinion signal (DESIGN §4.5: the same canonical URL is the same signal). Built on
 * the WHATWG `URL` global, which already lower-cases the scheme and host (IDN hosts → punycode), drops a
 * default port (80 for http, 443 for https) and resolves dot segments. On top of that:
 * - http and https only (else `signal.invalidUrl`, like an unparsable URL); user and password dropped;
 * - fragment dropped;
 * - tracking parameters dropped (TRACKING_PARAMS, names compared case-insensitively), the rest sorted by
 *   name then value (stable for equal pairs) and re-encoded as application/x-www-form-urlencoded, so
 *   `%20`, `+` and a raw space are one; no `?` when nothing is left;
 * - path: each segment percent-decoded and re-encoded with encodeURIComponent (so `%e4%b8%ad`, `%E4%B8%AD`
 *   and `中` are one; a segment with a malformed escape is kept as the parser left it), trailing slashes
 *   removed, "/" kept for the root. Empty inner segments ("a//b") are kept.
 * canon(canon(x)) = canon(x) (property-tested).
 */
import { DomainError } from '../errors/index.js';

/** Parameter names dropped exactly (lower-case). */
export const TRACKING_PARAMS: readonly string[] = [
  'spm', // Alibaba / Taobao / Weibo position tracking
  'spm_id_from', // bilibili
  'vd_source', // bilibili
  'from', // Weibo, WeChat, news apps: where the share came from
  'fbclid', // Facebook
  'gclid', // Google Ads
  'gclsrc',
  'dclid',
  'msclkid', // Microsoft Ads
  'yclid', // Yandex
  'igshid', // Instagram
  'mc_cid', // Mailchimp
  'mc_eid',
  'isappinstalled', // WeChat share
  'scene', // WeChat share scene
  'clicktime', // WeChat
  'enterid', // WeChat
  'wxshare_count', // WeChat
];

/** Parameter name prefixes dropped (lower-case): utm_source…, share_token…, sharer_shareid…. */
export const TRACKING_PREFIXES: readonly string[] = ['utm_', 'share_', 'sharer_'];

export const isTrackingParam = (name: string): boolean => {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.includes(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
};

function canonicalSegment(seg: string): string {
  try {
    return encodeURIComponent(decodeURIComponent(seg));
  } catch {
    return seg;
  }
}

export function canonicalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DomainError('signal.invalidUrl', 'not a URL', { field: 'url' });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
    throw new DomainError('signal.invalidUrl', 'not an http(s) URL', { field: 'url' });
  const pairs = [...url.searchParams].filter(([k]) => !isTrackingParam(k));
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(pairs).toString();
  const path = url.pathname.split('/').map(canonicalSegment).join('/').replace(/\/+$/, '') || '/';
  return `${url.protocol}//${url.host}${path}${query === '' ? '' : `?${query}`}`;
}
