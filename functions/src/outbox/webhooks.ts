/**
 * Group robots (issue 7), in their real formats: DingTalk (钉钉自定义机器人) gets
 * `{msgtype:'markdown', markdown:{title, text}}` at its webhook URL plus `&timestamp=<ms>&sign=<…>`, the
 * signature being the URL-encoded base64 HMAC-SHA256 of "timestamp\nsecret" keyed by the secret; WeCom
 * (企业微信群机器人) gets `{msgtype:'markdown', markdown:{content}}`. Both answer 200 with `errcode` 0 when
 * they took the message; anything else is a failure the dispatcher retries.
 */
import { createHmac } from 'node:crypto';

export interface WebhookTargets {
  dingtalk?: { url: string; secret?: string };
  wecom?: { url: string };
}

/** How a robot is called (fetch by default; tests may pass their own). */
export type Post = (url: string, body: unknown) => Promise<{ status: number; text: string }>;

export const fetchPost: Post = async (url, body) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, text: await res.text() };
};

export const dingTalkSign = (timestampMs: number, secret: string): string =>
  createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');

/** The webhook URL with the signature parameters (when the robot has a secret). */
export function signedDingTalkUrl(url: string, secret: string | undefined, timestampMs: number): string {
  if (!secret) return url;
  const sep = url.includes('?') ? '&' : '?';
  return `${url}${sep}timestamp=${timestampMs}&sign=${encodeURIComponent(dingTalkSign(timestampMs, secret))}`;
}

export const dingTalkBody = (title: string, text: string) => ({
  msgtype: 'markdown',
  markdown: { title, text },
});

export const weComBody = (content: string) => ({ msgtype: 'markdown', markdown: { content } });

export class WebhookRefused extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`webhook answered ${status}: ${detail.slice(0, 300)}`);
    this.name = 'WebhookRefused';
  }
}

/** Posts and checks the robot's answer: HTTP 2xx and `errcode` 0 (or no errcode). */
export async function postToRobot(post: Post, url: string, body: unknown): Promise<void> {
  const r = await post(url, body);
  if (r.status < 200 || r.status >= 300) throw new WebhookRefused(r.status, r.text);
  let errcode: unknown = 0;
  try {
    errcode = (JSON.parse(r.text) as { errcode?: unknown }).errcode ?? 0;
  } catch {
    // A robot that answers 2xx without JSON took the message.
  }
  if (errcode !== 0) throw new WebhookRefused(r.status, r.text);
}
