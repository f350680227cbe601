/**
 * What a ledger's 整改状态 / 是否销号 cell claims. A closed claim with its closure date (销号日期 …)
 * brings the row in closed as a migrated closure (DESIGN §4.7) — the offline 销号 the ledger records,
 * not an in-system approval; any other claim is kept as a progress note.
 */
export type LedgerStatus = 'closed' | 'in_progress' | 'open';

const CLOSED = /^(已销号|已完成|已整改|完成|已办结|办结|是|已销账|整改完成|已整改到位)$/;
const IN_PROGRESS = /(整改中|正在整改|推进中|部分完成|持续整改|基本完成|进行中|未完成)/;

export function ledgerStatusOf(cell: string | null | undefined): LedgerStatus {
  const s = (cell ?? '').replace(/[\s\u3000]/g, '');
  if (CLOSED.test(s)) return 'closed';
  if (IN_PROGRESS.test(s)) return 'in_progress';
  return 'open';
}
