/**
 * What a ledger's 整改状态 / 是否销号 cell claims. The claim is kept with the imported rectification;
 * it never closes one by itself (closing needs two reviewers, DESIGN §4.4).
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
