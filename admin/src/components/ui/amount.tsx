/** An amount of money as ledgers speak it: 万元 first, the exact 元 beside it. */
import { useI18n } from '../../i18n/index.js';
import { fenToWanExact, fenToYuan } from '../../lib/format.js';

export function Amount({ fen }: { fen: number }) {
  const { t } = useI18n();
  return (
    <span data-testid="amount">
      {fenToWanExact(fen)} {t('common.wan')}
      {fen ? <span className="muted">（{`${fenToYuan(fen)} ${t('common.yuan')}`}）</span> : null}
    </span>
  );
}
