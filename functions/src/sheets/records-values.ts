/**
 * The values of a past-records sheet's enumerated columns (问题类别, 严重程度, 渠道, 受理层级, 满意度,
 * 倾向, 等级, 来源): the Chinese label the SPA shows, its English label or code, and the other spellings
 * county offices use (chosen: the ones below; anything else is reported `value.unknown`).
 */
import {
  findingSeverity,
  findingSource,
  govLevel,
  petitionChannel,
  polarity,
  problemCategory,
  satisfaction,
  signalSeverity,
} from '@jiandu/shared';
import { normalizeName } from './unit-matcher.js';

type Labels = Record<string, { zh: string; en: string }>;

function lookup<L extends Labels>(labels: L, synonyms: Record<string, keyof L & string> = {}) {
  const byText = new Map<string, keyof L & string>();
  for (const [code, l] of Object.entries(labels)) {
    for (const t of [code, l.zh, l.en]) byText.set(normalizeName(t), code);
  }
  for (const [t, code] of Object.entries(synonyms)) byText.set(normalizeName(t), code);
  return (text: string): (keyof L & string) | null => byText.get(normalizeName(text)) ?? null;
}

export const categoryOf = lookup(problemCategory.labels, {
  大概先生: 'vagueness',
  基本掌柜: 'vagueness',
  资金闲置: 'idle_funds',
  虚报: 'false_claims',
  冒领: 'false_claims',
});
export const findingSeverityOf = lookup(findingSeverity.labels, { 较严重: 'serious', 重大: 'grave' });
export const findingSourceOf = lookup(findingSource.labels, {
  督查: 'inspection',
  巡查: 'inspection',
  暗访: 'unannounced',
  审计发现: 'audit',
  第三方: 'third_party',
  自查: 'self_check',
  信访: 'petition',
  舆情: 'opinion',
});
export const channelOf = lookup(petitionChannel.labels, {
  信: 'letter',
  访: 'visit',
  网信: 'online',
  网上: 'online',
  网上来信: 'online',
  '12345': 'hotline_12345',
  '12317': 'hotline_12317',
  '12317热线': 'hotline_12317',
});
export const levelOf = lookup(govLevel.labels, {
  村级: 'village',
  乡: 'township',
  镇: 'township',
  乡级: 'township',
  县级: 'county',
  区: 'county',
  市级: 'city',
  省级: 'province',
  中央: 'national',
  国家级: 'national',
});
export const satisfactionOf = lookup(satisfaction.labels, { 比较满意: 'basically_satisfied' });
export const polarityOf = lookup(polarity.labels, { 正: 'positive', 负: 'negative', 中立: 'neutral' });
export const signalSeverityOf = lookup(signalSeverity.labels, {
  普通: 'ordinary',
  较重: 'notable',
  重要: 'notable',
  严重: 'major',
});
