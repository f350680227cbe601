/**
 * The State Council General Office's holiday notices (国务院办公厅关于部分节假日安排的通知) for 2025
 * (国办发明电〔2024〕12号) and 2026, as data: every rest day of each holiday period, and the make-up
 * working weekends (调休上班). Shipped as the default scheme's calendar.
 */
import type { WorkingCalendar } from './working-days.js';

const span = (from: string, days: number): string[] => {
  const out: string[] = [];
  const t0 = Date.parse(`${from}T00:00:00Z`);
  for (let i = 0; i < days; i++) out.push(new Date(t0 + i * 86_400_000).toISOString().slice(0, 10));
  return out;
};

export const CHINA_WORKING_CALENDAR: WorkingCalendar = {
  '2025': {
    holidays: [
      ...span('2025-01-01', 1), // 元旦
      ...span('2025-01-28', 8), // 春节 1月28日（除夕）至2月4日
      ...span('2025-04-04', 3), // 清明节
      ...span('2025-05-01', 5), // 劳动节
      ...span('2025-05-31', 3), // 端午节
      ...span('2025-10-01', 8), // 国庆节、中秋节
    ],
    makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  '2026': {
    holidays: [
      ...span('2026-01-01', 3), // 元旦
      ...span('2026-02-15', 9), // 春节 2月15日至23日
      ...span('2026-04-04', 3), // 清明节
      ...span('2026-05-01', 5), // 劳动节
      ...span('2026-06-19', 3), // 端午节
      ...span('2026-09-25', 3), // 中秋节
      ...span('2026-10-01', 7), // 国庆节
    ],
    makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
