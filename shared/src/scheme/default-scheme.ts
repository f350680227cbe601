/**
 * The default scheme of DESIGN §4. Every number here is data: a new version changes it, not code.
 * A typed literal, not `schemeSchema.parse(...)` at module load: parsing it (hundreds of calendar dates,
 * the time-zone check) cost ~40 ms of every Lambda's init; scheme.test.ts proves it parses to itself.
 */
import { CHINA_WORKING_CALENDAR } from '../calendar/china-holidays.js';
import { LIGHTS_DEFAULT, LIVE_LOOKBACK_DEFAULT } from './defaults.js';
import type { Scheme } from './scheme.js';

export const DEFAULT_SCHEME: Scheme = {
  id: 'poverty-alleviation',
  version: 1,
  name: '脱贫攻坚督查考核方案',
  timeZone: 'Asia/Shanghai',
  calendar: CHINA_WORKING_CALENDAR,
  weights: { task: 4000, rectification: 2500, findings: 1500, petitions: 1000, opinion: 1000 },
  deductions: {
    rectificationOpenOverdue: 100,
    finding: { general: 100, serious: 300, grave: 500 },
    petition: { received: 50, repeated: 200, escalated: 300 },
    opinion: { notable: 100, major: 500 },
  },
  peerGroups: [
    {
      id: 'county-townships',
      label: '县内乡镇',
      labelEn: 'Townships of a county',
      memberKind: 'township',
      parentKind: 'county',
    },
    {
      id: 'county-departments',
      label: '县直部门',
      labelEn: 'County departments',
      memberKind: 'department',
      parentKind: 'county',
    },
    {
      id: 'city-departments',
      label: '市直部门',
      labelEn: 'City departments',
      memberKind: 'department',
      parentKind: 'city',
    },
  ],
  cards: { minGroupSize: 3, consecutiveForProposal: 2 },
  petitions: {
    accept: { days: 15, count: 'calendar', rollOffNonWorking: true },
    handle: { days: 60, count: 'calendar', rollOffNonWorking: true },
    maxExtensions: 1,
    extensionMaxDays: 30,
    repeatWindowDays: 180,
    normalLevelsAbove: 1,
  },
  rectification: {
    defaultDeadline: { days: 30, count: 'calendar', rollOffNonWorking: true },
    overdueAlertDays: 1,
    overdueEscalateDays: 15,
    overdueAccountabilityDays: 30,
  },
  signals: { firstResponse: { days: 1, count: 'calendar', rollOffNonWorking: false } },
  publishing: { autoPublishDelayDays: 10 },
  lights: { ...LIGHTS_DEFAULT, caseDecide: { ...LIGHTS_DEFAULT.caseDecide } },
  funds: { idleThresholdFen: 10_000_000, idleGraceDays: 0 },
  bulletins: { dayOfMonth: 5 },
  migration: { goLive: [], clockSkewSeconds: 300, liveLookbackDays: LIVE_LOOKBACK_DEFAULT },
};
