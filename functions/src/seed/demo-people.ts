/**
 * The demo's petitioners: invented names, phone numbers 139xxxxxxxx and 18-digit ID numbers under the
 * fictional region prefix 990101 (no real region has it), each with a correct GB 11643-1999 check
 * character so the API takes them as valid. Some give no ID number (matched by name + phone).
 */
import type { Rng } from './random.js';

export interface DemoPetitioner {
  name: string;
  phone: string;
  idNumber?: string;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余杜叶程苏魏吕丁';
const GIVEN = [
  '桂兰',
  '德胜',
  '秋菊',
  '长顺',
  '满仓',
  '金凤',
  '水生',
  '春生',
  '冬梅',
  '来福',
  '玉珍',
  '根宝',
  '秀兰',
  '富贵',
  '巧云',
  '石头',
  '凤英',
  '有才',
  '翠花',
  '宝山',
  '荷香',
  '守田',
  '银花',
  '仁和',
];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The GB 11643-1999 check character of 17 digits: Σ digit × weight mod 11, mapped through 10X98765432. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** `count` distinct petitioners; about seven in ten give an ID number. */
export function demoPetitioners(r: Rng, count: number): DemoPetitioner[] {
  const out: DemoPetitioner[] = [];
  const names = new Set<string>();
  const phones = new Set<string>();
  while (out.length < count) {
    const name = `${r.pick([...SURNAMES])}${r.pick(GIVEN)}`;
    const phone = `139${pad(r.int(0, 99_999_999), 8)}`;
    if (names.has(name) || phones.has(phone)) continue;
    names.add(name);
    phones.add(phone);
    const birth = `${r.int(1948, 1998)}${pad(r.int(1, 12), 2)}${pad(r.int(1, 28), 2)}`;
    const first17 = `990101${birth}${pad(out.length % 1000, 3)}`;
    out.push(
      r.chance(0.7) ? { name, phone, idNumber: first17 + idCheckCharacter(first17) } : { name, phone },
    );
  }
  return out;
}
