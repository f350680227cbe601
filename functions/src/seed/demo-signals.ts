/**
 * The demo's opinion signals (舆情) on invented platforms and hosts (*.shifan.example): most about a unit
 * of 东山县 or 西川县, ingested by that county's supervisor; reposts of earlier posts (the same URL with
 * share parameters, or the same text on another site) that the API folds into the original; a few with
 * no unit, left in the triage queue, two of them assigned days later; and one major negative signal
 * about 红岭镇 whose alert and one-day handling rectification the API opens, worked by the township.
 */
import { addDays, fromEpochDay, toEpochDay, type Unit } from '@jiandu/shared';
import type { Agenda } from './demo-agenda.js';
import type { ApiClient } from './demo-api.js';
import { officerOf, supervisorOf } from './demo-org.js';
import { DEMO_END, DEMO_START, laggardOn, MAJOR_NEGATIVE } from './demo-story.js';
import { type Rng, rng } from './random.js';

const PLATFORMS = [
  { name: '本地论坛', url: (n: number) => `https://bbs.shifan.example/thread-${n}-1-1.html` },
  {
    name: '微博',
    url: (n: number) => `https://weibo.shifan.example/u/${7_000_000 + n * 13}/${n.toString(36)}`,
  },
  { name: '今日头条', url: (n: number) => `https://toutiao.shifan.example/article/${73_000_000 + n * 7}/` },
  { name: '微信公众号', url: (n: number) => `https://mp.shifan.example/s/${(n * 7919).toString(36)}` },
  { name: '抖音', url: (n: number) => `https://douyin.shifan.example/video/${69_000_000 + n * 11}` },
] as const;

const TOPICS = {
  negative: [
    '群众反映危房改造补助迟迟未到位',
    '扶贫产业园大棚闲置无人管护',
    '低保评定不公开引发村民质疑',
    '帮扶干部“只拍照不办事”被网友吐槽',
    '易地搬迁安置点供水时断时续',
    '扶贫车间开工不足，务工群众收入不稳',
  ],
  neutral: ['召开脱贫攻坚推进会部署下阶段工作', '开展扶贫政策宣讲进村入户', '公示年度扶贫项目计划'],
  positive: ['特色产业带动群众增收', '易地搬迁群众喜迁新居', '消费帮扶专柜销售农产品破百万元'],
} as const;
const HANDLES = ['山里人', '清溪过客', '老李说事', '乡村观察', '东山百姓', '西川热心网友', '路人甲'];

export interface SignalTally {
  ingested: number;
  reposts: number;
  triage: number;
  assigned: number;
  major: number;
  rectificationSteps: number;
}

interface Post {
  platform: (typeof PLATFORMS)[number];
  n: number;
  title: string;
  excerpt: string;
  publishedAt: string;
  /** Who ingested it (and ingests its reposts). */
  sup: string;
  /** The agenda lane of its unit (a repost updates the original). */
  lane: string;
  polarity: string;
  severity: string;
}

const at = (date: string, r: Rng) =>
  `${date}T${String(r.int(0, 8)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+08:00`;

export function planSignals(agenda: Agenda, api: ApiClient, units: readonly Unit[]): SignalTally {
  const r = rng(20_260_512);
  const tally: SignalTally = {
    ingested: 0,
    reposts: 0,
    triage: 0,
    assigned: 0,
    major: 0,
    rectificationSteps: 0,
  };
  const posts: Post[] = [];
  const titles = new Set<string>();
  let n = 1000;
  const first = toEpochDay(DEMO_START);
  const last = toEpochDay(DEMO_END);
  let unitless = 0;
  for (let day = first; day <= last; day++) {
    const date = fromEpochDay(day);
    const lag = laggardOn(date);
    const lagUnit = lag ? units.find((u) => u.id === lag.unitId) : undefined;
    if (!r.chance(lagUnit ? 0.15 : 0.12)) continue;
    // A repost of an earlier post: the same URL with share parameters, or the same text elsewhere.
    const recent = posts.filter((p) => p.publishedAt >= addDays(date, -6));
    if (recent.length > 0 && r.chance(0.2)) {
      const orig = r.pick(recent);
      const sameUrl = r.chance(0.5);
      const platform = sameUrl ? orig.platform : r.pick(PLATFORMS.filter((p) => p !== orig.platform));
      const url = sameUrl
        ? `${orig.platform.url(orig.n)}?utm_source=${r.pick(['wechat', 'qq', 'weibo'])}&utm_medium=share&from=timeline`
        : platform.url(++n);
      const body = {
        platform: platform.name,
        url,
        title: orig.title,
        excerpt: orig.excerpt,
        publishedAt: at(date, r),
        reach: { reads: r.int(100, 5000), reposts: r.int(0, 50), comments: r.int(0, 80) },
        polarity: orig.polarity,
        severity: orig.severity,
        unitId: null,
      };
      agenda.on(date, 'signals', orig.lane, async () => {
        const res = await api.call<{ duplicateOf?: string }>(
          orig.sup,
          'POST',
          '/api/v1/signals',
          body,
          [200],
        );
        if (res.ok && res.body.duplicateOf) tally.reposts++;
      });
      continue;
    }
    const withoutUnit = unitless < 6 && r.chance(0.1);
    const unit = withoutUnit ? null : lagUnit && r.chance(0.3) ? lagUnit : r.pick(units);
    const polarity =
      unit === lagUnit || !unit
        ? 'negative'
        : r.pick(['negative', 'negative', 'neutral', 'positive'] as const);
    const severity =
      polarity === 'negative' && r.chance(unit === lagUnit ? 0.7 : 0.2) ? 'notable' : 'ordinary';
    const platform = r.pick(PLATFORMS);
    const where = unit ? unit.name : r.pick(['某乡镇', '县城某小区', '某村', '城郊某安置点', '某村民小组']);
    const title = freshTitle(r, titles, where, TOPICS[polarity], date);
    const sup = unit ? supervisorOf(unit.id) : r.pick(['supervisor', 'xichuan-supervisor']);
    // Two of the unitless ones are traced to a township a few days later; the rest wait in triage.
    const assignTo =
      !unit && unitless++ < 2
        ? r.pick(units.filter((u) => u.kind === 'township' && supervisorOf(u.id) === sup))
        : null;
    const post: Post = {
      sup,
      lane: unit?.id ?? assignTo?.id ?? `triage-${sup}`,
      polarity,
      severity,
      platform,
      n: ++n,
      title,
      excerpt: `网友“${r.pick(HANDLES)}”${date.slice(5).replace('-', '月')}日发帖称${title}，跟帖${r.int(3, 300)}条。`,
      publishedAt: at(date, r),
    };
    posts.push(post);
    const body = signalBody(r, post, unit?.id ?? null);
    const live = { id: null as string | null };
    agenda.on(date, 'signals', post.lane, async () => {
      const res = await api.call<{ id: string }>(sup, 'POST', '/api/v1/signals', body, [201]);
      if (!res.ok) return;
      tally.ingested++;
      if (!unit) tally.triage++;
      live.id = res.body.id;
    });
    if (!assignTo) continue;
    // No expectedVersion: a repost folded in meanwhile moves the version, and the assignment stands.
    agenda.on(addDays(date, r.int(2, 6)), 'workflow', post.lane, async () => {
      if (!live.id) return;
      const res = await api.call(sup, 'POST', `/api/v1/signals/${live.id}/assign`, { unitId: assignTo.id });
      if (res.ok) {
        tally.assigned++;
        tally.triage--;
      }
    });
  }
  planMajorNegative(agenda, api, tally);
  return tally;
}

/**
 * A title no earlier original has (the same title again would be folded in as a repost): a topic not yet
 * used for the place, else one raised again, dated.
 */
function freshTitle(r: Rng, used: Set<string>, where: string, topics: readonly string[], date: string) {
  const first = r.int(0, topics.length - 1);
  const fresh = topics
    .map((_, k) => `${where}${topics[(first + k) % topics.length]}`)
    .find((t) => !used.has(t));
  const title =
    fresh ??
    `${where}${topics[first]}（${Number(date.slice(5, 7))}月${Number(date.slice(8))}日网友再次反映）`;
  used.add(title);
  return title;
}

function signalBody(r: Rng, post: Post, unitId: string | null) {
  return {
    platform: post.platform.name,
    url: post.platform.url(post.n),
    title: post.title,
    excerpt: post.excerpt,
    publishedAt: post.publishedAt,
    reach: { reads: r.int(200, 20_000), reposts: r.int(0, 300), comments: r.int(0, 500) },
    polarity: post.polarity,
    severity: post.severity,
    unitId,
    externalId: `${post.platform.name}-${post.n}`,
  };
}

/** The major negative signal, its reposts, and the township working its one-day rectification (late). */
function planMajorNegative(agenda: Agenda, api: ApiClient, tally: SignalTally) {
  const { date, unitId, title } = MAJOR_NEGATIVE;
  const url = 'https://douyin.shifan.example/video/69999001';
  const excerpt =
    '视频显示多名老人称危房改造补助“只见公示不见钱”，点赞过万，评论区大量转发至本地论坛和微信群。';
  const live = { rect: null as string | null, version: 1 };
  agenda.on(date, 'signals', unitId, async () => {
    const res = await api.call<{ rectificationId: string | null }>(
      'supervisor',
      'POST',
      '/api/v1/signals',
      {
        platform: '抖音',
        url,
        title,
        excerpt,
        publishedAt: `${date}T07:40:00+08:00`,
        reach: { reads: 186_000, reposts: 4_200, comments: 3_100 },
        polarity: 'negative',
        severity: 'major',
        unitId,
        externalId: 'douyin-69999001',
      },
      [201],
    );
    if (!res.ok) return;
    tally.ingested++;
    tally.major++;
    live.rect = res.body.rectificationId;
  });
  for (const [days, platform, repostUrl] of [
    [0, '抖音', `${url}?share_token=a81f&utm_source=copy_link`],
    [1, '本地论坛', 'https://bbs.shifan.example/thread-88001-1-1.html'],
  ] as const) {
    agenda.on(addDays(date, days), 'signals', unitId, async () => {
      const res = await api.call<{ duplicateOf?: string }>(
        'supervisor',
        'POST',
        '/api/v1/signals',
        {
          platform,
          url: repostUrl,
          title,
          excerpt,
          publishedAt: `${addDays(date, days)}T08:20:00+08:00`,
          polarity: 'negative',
          severity: 'major',
          unitId,
        },
        [200],
      );
      if (res.ok && res.body.duplicateOf) tally.reposts++;
    });
  }
  const officer = officerOf(unitId)!;
  const steps: [number, string, Record<string, unknown>][] = [
    [1, officer, { type: 'start' }],
    [1, officer, { type: 'addMeasure', text: '成立专班逐户核对危房改造补助发放情况，当日向县督查室报告' }],
    [3, officer, { type: 'addProgress', text: '已核实12户补助未到位，问题资金已追回并发放到户' }],
    [3, officer, { type: 'submit' }],
    [4, 'reviewer1', { type: 'approve' }],
    [5, 'reviewer2', { type: 'approve' }],
  ];
  for (const [days, user, action] of steps) {
    agenda.on(addDays(date, days), 'workflow', unitId, async () => {
      if (!live.rect) return;
      const res = await api.call<{ version: number }>(
        user,
        'POST',
        `/api/v1/rectifications/${live.rect}/actions`,
        {
          action,
          expectedVersion: live.version,
        },
      );
      if (res.ok) {
        live.version = res.body.version;
        tally.rectificationSteps++;
      }
    });
  }
}
