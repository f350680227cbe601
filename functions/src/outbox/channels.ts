/**
 * The channels a notification travels by, behind one interface: the in-app inbox (an entry per audience,
 * put only if new, so a repeated delivery adds nothing), email (deps.mailer), and the DingTalk and WeCom
 * group robots (deps.webhooks). A channel that is not configured gets no deliveries.
 */
import { createHash } from 'node:crypto';
import type { Deps } from '../app/deps.js';
import { keys } from '../store/keys.js';
import { Tx, TxCancelled } from '../store/tx.js';
import type { Notification } from './notification.js';
import type { ChannelName } from './subscriptions.js';
import { dingTalkBody, fetchPost, postToRobot, signedDingTalkUrl, weComBody } from './webhooks.js';

export interface Channel {
  readonly name: ChannelName;
  configured(deps: Deps): boolean;
  /** Delivers `n` to `to` (throws when the far side refused or could not be reached). */
  deliver(deps: Deps, n: Notification, to: string, nowMs: number): Promise<void>;
}

/** `role@unitId` of an inbox audience. */
export const parseAudience = (to: string): { role: string; unitId: string } => {
  const at = to.indexOf('@');
  return { role: to.slice(0, at), unitId: to.slice(at + 1) };
};

const inbox: Channel = {
  name: 'inbox',
  configured: () => true,
  async deliver(deps, n, to) {
    const { role, unitId } = parseAudience(to);
    const tx = new Tx(deps.tableName);
    tx.putNew('inbox', {
      ...keys.inboxEntry(n.id, role, unitId),
      ...keys.inboxIndex(role, unitId, n.at, n.id),
      notification: n,
    });
    try {
      await tx.commit(deps.doc);
    } catch (e) {
      if (!(e instanceof TxCancelled)) throw e; // already in that inbox
    }
  },
};

const email: Channel = {
  name: 'email',
  configured: (deps) => deps.mailer !== undefined,
  async deliver(deps, n, to) {
    if (!deps.mailer) throw new Error('no mailer configured');
    await deps.mailer.send({
      to: [to],
      subject: n.title,
      text: `${n.text}\n\n${n.at}\n监督 Jiandu`,
      messageId: `<${n.id}.${createHash('sha256').update(to).digest('hex').slice(0, 12)}@jiandu>`,
    });
  },
};

const markdownOf = (n: Notification) => `### ${n.title}\n\n${n.text}\n\n> ${n.at}`;

const dingtalk: Channel = {
  name: 'dingtalk',
  configured: (deps) => deps.webhooks?.dingtalk !== undefined,
  async deliver(deps, n, _to, nowMs) {
    const robot = deps.webhooks?.dingtalk;
    if (!robot) throw new Error('no DingTalk robot configured');
    const url = signedDingTalkUrl(robot.url, robot.secret, nowMs);
    await postToRobot(deps.webhooks?.post ?? fetchPost, url, dingTalkBody(n.title, markdownOf(n)));
  },
};

const wecom: Channel = {
  name: 'wecom',
  configured: (deps) => deps.webhooks?.wecom !== undefined,
  async deliver(deps, n) {
    const robot = deps.webhooks?.wecom;
    if (!robot) throw new Error('no WeCom robot configured');
    await postToRobot(deps.webhooks?.post ?? fetchPost, robot.url, weComBody(markdownOf(n)));
  },
};

export const CHANNEL_IMPLS: Record<ChannelName, Channel> = { inbox, email, dingtalk, wecom };
