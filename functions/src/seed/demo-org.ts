/**
 * The demo organisation: a fictional city (示范市) with three counties, ~40 townships, county and city
 * departments, villages, the people holding principal and deputy posts (with a few changes of post),
 * and a sign-in for every role. Every name is invented.
 */
import type { Role, Tenure, Unit } from '@jiandu/shared';

const COUNTIES = [
  {
    id: 'dongshan',
    name: '东山县',
    code: '990101',
    towns: [
      '青松镇',
      '白石乡',
      '红岭镇',
      '柳河镇',
      '望山乡',
      '石门镇',
      '桃源乡',
      '清溪镇',
      '云台乡',
      '金沙镇',
      '枫林乡',
      '龙泉镇',
      '杏花乡',
      '北坪镇',
    ],
  },
  {
    id: 'xichuan',
    name: '西川县',
    code: '990102',
    towns: [
      '龙门镇',
      '碧水乡',
      '凤鸣镇',
      '松涛乡',
      '河口镇',
      '梅岭乡',
      '双桥镇',
      '竹林乡',
      '安平镇',
      '长乐乡',
      '新华镇',
      '白鹭乡',
      '兴隆镇',
    ],
  },
  {
    id: 'nanhu',
    name: '南湖区',
    code: '990103',
    towns: [
      '湖滨街道',
      '荷塘镇',
      '南溪乡',
      '映月镇',
      '渔村乡',
      '芦花镇',
      '月湾乡',
      '东岸镇',
      '西岸乡',
      '鹤鸣镇',
      '莲花乡',
      '春江镇',
      '秋水乡',
    ],
  },
];

const COUNTY_DEPTS = ['扶贫办', '财政局', '农业农村局', '教育局', '卫健局', '住建局', '人社局'];
const CITY_DEPTS = ['市扶贫办', '市财政局', '市农业农村局', '市教育局', '市卫健委', '市住建局', '市水利局'];
const VILLAGE_NAMES = ['柳溪村', '枫桥村', '石桥村', '南坪村', '上湾村', '下湾村'];

export interface DemoOrg {
  units: Unit[];
  tenures: (Tenure & { personName: string })[];
  users: { username: string; name: string; roles: Role[]; unitId: string; password: string }[];
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '建国',
  '红梅',
  '志强',
  '秀英',
  '海涛',
  '丽娟',
  '文军',
  '春燕',
  '国华',
  '玉兰',
  '德明',
  '晓东',
  '桂芳',
  '永刚',
  '小平',
  '振华',
  '淑珍',
  '立新',
  '卫东',
  '雪梅',
];

export function demoOrg(): DemoOrg {
  const units: Unit[] = [];
  const tenures: DemoOrg['tenures'] = [];
  let personN = 0;
  const person = () => {
    const n = personN++;
    return {
      id: `p${String(n).padStart(4, '0')}`,
      name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
    };
  };
  const post = (unitId: string, n: number) => {
    const principal = person();
    const deputy = person();
    // Every seventh unit changed its deputy in charge on 2026-04-15 (a change of post inside a quarter).
    const changes = n % 7 === 3;
    tenures.push({
      id: `t-${unitId}-1`,
      personId: principal.id,
      personName: principal.name,
      unitId,
      post: 'principal',
      from: '2023-01-01',
      to: null,
    });
    tenures.push({
      id: `t-${unitId}-2`,
      personId: deputy.id,
      personName: deputy.name,
      unitId,
      post: 'deputy_in_charge',
      from: '2023-01-01',
      to: changes ? '2026-04-14' : null,
    });
    if (changes) {
      const next = person();
      tenures.push({
        id: `t-${unitId}-3`,
        personId: next.id,
        personName: next.name,
        unitId,
        post: 'deputy_in_charge',
        from: '2026-04-15',
        to: null,
      });
    }
  };
  const unit = (
    id: string,
    name: string,
    kind: Unit['kind'],
    parentId: string | null,
    code: string,
    aliases: string[] = [],
  ) => {
    units.push({ id, name, kind, parentId, code, aliases });
  };
  unit('city', '示范市', 'city', null, '9901');
  CITY_DEPTS.forEach((d, i) => {
    const id = `city-d${i + 1}`;
    unit(id, d, 'department', 'city', `9901D${i + 1}`, [d.replace('市', '示范市')]);
    post(id, i);
  });
  let n = 0;
  for (const c of COUNTIES) {
    unit(c.id, c.name, 'county', 'city', c.code);
    post(c.id, n++);
    COUNTY_DEPTS.forEach((d, i) => {
      const id = `${c.id}-d${i + 1}`;
      unit(id, `${c.name}${d}`, 'department', c.id, `${c.code}D${i + 1}`, [d]);
      post(id, n++);
    });
    c.towns.forEach((t, i) => {
      const id = `${c.id}-t${String(i + 1).padStart(2, '0')}`;
      unit(id, t, 'township', c.id, `${c.code}${String(i + 1).padStart(3, '0')}`, [`${c.name}${t}`]);
      post(id, n++);
      for (let v = 0; v < 2; v++) {
        const vn = VILLAGE_NAMES[(i * 2 + v) % VILLAGE_NAMES.length]!;
        unit(
          `${id}-v${v + 1}`,
          `${t.replace(/(镇|乡|街道)$/, '')}${vn}`,
          'village',
          id,
          `${c.code}${String(i + 1).padStart(3, '0')}${v + 1}`,
        );
      }
    });
  }
  const users: DemoOrg['users'] = [
    { username: 'admin', name: '系统管理员', roles: ['admin'], unitId: 'city' },
    { username: 'security', name: '安全管理员', roles: ['security_admin'], unitId: 'city' },
    { username: 'auditor', name: '审计管理员', roles: ['audit_admin'], unitId: 'city' },
    { username: 'leader', name: '市领导', roles: ['viewer'], unitId: 'city' },
    { username: 'city-supervisor', name: '市督查室', roles: ['supervisor'], unitId: 'city' },
    { username: 'supervisor', name: '东山县扶贫办督查室', roles: ['supervisor'], unitId: 'dongshan' },
    { username: 'inspector', name: '东山县纪委监委', roles: ['inspector'], unitId: 'dongshan' },
    { username: 'reviewer1', name: '复核人甲', roles: ['reviewer'], unitId: 'dongshan' },
    { username: 'reviewer2', name: '复核人乙', roles: ['reviewer'], unitId: 'dongshan' },
    { username: 'officer', name: '青松镇联络员', roles: ['unit_officer'], unitId: 'dongshan-t01' },
    { username: 'xichuan-inspector', name: '西川县纪委监委', roles: ['inspector'], unitId: 'xichuan' },
    { username: 'xichuan-supervisor', name: '西川县督查室', roles: ['supervisor'], unitId: 'xichuan' },
  ].map((u) => ({ ...u, roles: u.roles as Role[], password: 'demo1234' }));
  // A unit officer for every township and department of 东山县 (officer-<unitId>); `officer` is 青松镇's.
  for (const u of units) {
    if (
      u.parentId === 'dongshan' &&
      u.id !== 'dongshan-t01' &&
      (u.kind === 'township' || u.kind === 'department')
    ) {
      users.push({
        username: `officer-${u.id}`,
        name: `${u.name}联络员`,
        roles: ['unit_officer'],
        unitId: u.id,
        password: 'demo1234',
      });
    }
  }
  return { units, tenures, users };
}

/** The supervisor who registers and follows up the demo's petitions, signals and targets of a unit. */
export const supervisorOf = (unitId: string): string =>
  unitId.startsWith('xichuan') ? 'xichuan-supervisor' : 'supervisor';

/**
 * The unit officer who works a unit's rectifications and reports its actuals (东山县's townships and
 * departments have one; a village's are its township's), or null.
 */
export function officerOf(unitId: string): string | null {
  const unit = unitId.replace(/-v\d$/, '');
  if (!/^dongshan-(t|d)\d+$/.test(unit)) return null;
  return unit === 'dongshan-t01' ? 'officer' : `officer-${unit}`;
}
