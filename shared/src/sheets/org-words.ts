/**
 * What a 单位 sheet's 单位类型 cell and a 人员任职 sheet's 职务 cell say, read as the core's unit kinds
 * and post kinds (DESIGN §3). Offices write the kind as the unit's level (市, 县(市、区), 乡镇 …) or as
 * the word its name ends with (镇, 乡, 街道, 局, 办 …); a post as the category (主要负责人/分管负责人)
 * or as the title itself (党委书记, 镇长, 副县长 …).
 */
import type { PostKind } from '../schemas/enums.js';
import type { UnitKind } from '../scheme/scheme.js';

const norm = (s: string) =>
  s
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[，,]/g, '、')
    .toLowerCase();

const KIND_WORDS: Record<UnitKind, readonly string[]> = {
  city: ['city', '市', '地级市', '州', '自治州', '盟', '市级'],
  county: [
    'county',
    '县/区',
    '县',
    '区',
    '县(市、区)',
    '县(区)',
    '县(市)',
    '县级市',
    '旗',
    '自治县',
    '县区',
    '县级',
  ],
  township: [
    'township',
    '乡镇',
    '乡',
    '镇',
    '街道',
    '街道办事处',
    '苏木',
    '民族乡',
    '乡(镇)',
    '乡镇(街道)',
    '乡级',
  ],
  department: [
    'department',
    '部门',
    '局',
    '办',
    '委',
    '委员会',
    '办公室',
    '中心',
    '县直部门',
    '县直单位',
    '市直部门',
    '市直单位',
    '机关',
    '部门单位',
  ],
  village: ['village', '村', '社区', '村(社区)', '行政村', '村委会', '居委会', '嘎查', '村级'],
};

/** The unit kind a 单位类型/层级 cell names, or null when it names none. */
export function unitKindOf(text: string): UnitKind | null {
  const t = norm(text);
  for (const [kind, words] of Object.entries(KIND_WORDS) as [UnitKind, readonly string[]][]) {
    if (words.some((w) => norm(w) === t)) return kind;
  }
  return null;
}

/**
 * The kind a unit's name implies by its last word (青松镇 → township, 东山县扶贫办 → department), for a
 * row whose 单位类型 cell is empty. Departments first: 东山县扶贫办 ends with 办, not with 县.
 */
const NAME_ENDINGS: [RegExp, UnitKind][] = [
  [/(村|社区|村委会|居委会|嘎查)$/, 'village'],
  [/(局|办|委|委员会|办公室|中心|部|所|站|院|队|室|会)$/, 'department'],
  [/(镇|乡|街道|街道办事处|苏木)$/, 'township'],
  [/(县|区|旗)$/, 'county'],
  [/(市|州|盟)$/, 'city'],
];

export function unitKindOfName(name: string): UnitKind | null {
  const n = norm(name);
  for (const [re, kind] of NAME_ENDINGS) if (re.test(n)) return kind;
  return null;
}

const PRINCIPAL_TITLES =
  /(主要负责人|主要领导|一把手|正职|书记|县长|区长|市长|镇长|乡长|局长|主任|部长|处长|科长|组长|村长|站长|所长|院长|负责人)$/;

/**
 * The post a 职务类别 (or 职务) cell names: 分管…/副… (分管负责人, 副县长, 党委副书记) is the deputy in
 * charge — checked first, since 副县长 ends like 县长 — and the head's titles (主要负责人, 党委书记, 县长,
 * 镇长, 局长, 主任 …) are the principal. Null when it names neither.
 */
export function postKindOf(text: string): PostKind | null {
  const t = norm(text);
  if (t === '') return null;
  if (t === 'principal') return 'principal';
  if (t === 'deputy_in_charge') return 'deputy_in_charge';
  if (t.includes('分管') || t.includes('副')) return 'deputy_in_charge';
  return PRINCIPAL_TITLES.test(t) ? 'principal' : null;
}
