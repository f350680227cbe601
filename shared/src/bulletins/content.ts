/**
 * What a monthly bulletin (通报) holds, per scope unit (DESIGN §3: month, scope unit, progress figures,
 * overdue list, cards; issue 7: petitions and opinion of the month, satisfaction 认可度, funds). The API
 * computes it; an issued bulletin stores it frozen. Rates are integer basis points (1 % = 100 bp).
 */
import type { FundsTotals } from '../funds/view.js';
import type { MonthKey } from './month.js';

export interface BulletinProgressLine {
  id: string;
  unitId: string;
  name: string;
  measure: string | null;
  target: number | null;
  plan: number | null;
  actual: number | null;
  completionBp: number | null;
}

export interface BulletinOverdueLine {
  id: string;
  unitId: string;
  title: string;
  state: string;
  deadline: string;
  daysOverdue: number;
}

export interface BulletinCardLine {
  id: string;
  unitId: string;
  quarter: string;
  issuedAt: string;
  [more: string]: unknown;
}

export interface BulletinProposalLine {
  id: string;
  unitId: string;
  trigger: string;
  triggerKey: string;
  state: string;
  proposedAt: string;
  subjects: number;
}

export interface BulletinPetitionLine {
  id: string;
  unitId: string;
  category: string;
  channel: string;
  levelReceived: string;
  receivedAt: string;
  state: string;
  repeated: boolean;
  escalated: boolean;
}

export interface BulletinSignalLine {
  id: string;
  unitId: string | null;
  platform: string;
  title: string;
  url: string;
  publishedAt: string;
  polarity: string;
  severity: string;
}

export interface BulletinSatisfaction {
  closed: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  rateBp: number | null;
}

export interface BulletinFundsLine extends FundsTotals {
  unitId: string;
}

export interface BulletinContent {
  month: MonthKey;
  unitId: string;
  unitName: string;
  /** The end of the month, or the time of computing for the month under way. */
  asOf: string;
  progress: {
    year: number;
    quarter: number;
    summary: { indicators: number; withTarget: number; meanCompletionBp: number | null };
    indicators: BulletinProgressLine[];
  };
  overdue: BulletinOverdueLine[];
  cards: BulletinCardLine[];
  /** Accountability proposals of the month (null for a reader whose role does not see cases). */
  proposals: BulletinProposalLine[] | null;
  petitions: { received: number; repeated: number; escalated: number; items: BulletinPetitionLine[] };
  signals: {
    published: number;
    negative: number;
    notable: number;
    major: number;
    items: BulletinSignalLine[];
  };
  satisfaction: {
    overall: BulletinSatisfaction;
    byUnit: (BulletinSatisfaction & { unitId: string })[];
  };
  /** Project funds at the month's end: the subtree's totals and each direct sub-unit's (资金趴账). */
  funds: { totals: BulletinFundsLine; rows: BulletinFundsLine[] };
}
