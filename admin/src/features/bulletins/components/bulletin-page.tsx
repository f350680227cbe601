import { PrinterOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { Link } from 'react-router';
import { Page } from '../../../components/ui/page.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { useI18n } from '../../../i18n/index.js';
import { recentMonths } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useUser } from '../../../lib/use-session.js';
import { useBulletin } from '../api/bulletin.js';
import { BulletinDocument } from './bulletin-document.js';

export function BulletinPage() {
  const { t } = useI18n();
  const user = useUser();
  const [f, setF] = useUrlFilters(['month', 'unitId'] as const);
  const month = f.month ?? recentMonths(1)[0]!;
  const unitId = f.unitId ?? user.unitId;
  const q = useBulletin(month, unitId);
  const printHref = `/bulletins/print?month=${month}&unitId=${encodeURIComponent(unitId)}`;
  return (
    <Page
      title={t('bulletins.title')}
      extra={
        <Link to={printHref} target="_blank" data-testid="bulletin-print-link">
          <Button icon={<PrinterOutlined />}>{t('bulletins.printable')}</Button>
        </Link>
      }
    >
      <search className="filters" aria-label={t('common.filters')}>
        <Input
          type="month"
          value={month}
          onChange={(e) => e.target.value && setF({ month: e.target.value })}
          aria-label={t('common.month')}
          style={{ width: 170 }}
          data-testid="bulletin-month"
        />
        <UnitPicker
          value={unitId}
          onChange={(v) => setF({ unitId: v })}
          allowClear={false}
          testId="bulletin-unit"
          aria-label={t('bulletins.scope')}
        />
      </search>
      {q.isLoading ? (
        <Loading />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <BulletinDocument b={q.data} />
      )}
    </Page>
  );
}

export function BulletinPrintPage() {
  const { t } = useI18n();
  const user = useUser();
  const [f] = useUrlFilters(['month', 'unitId'] as const);
  const month = f.month ?? recentMonths(1)[0]!;
  const q = useBulletin(month, f.unitId ?? user.unitId);
  return (
    <main className="print-root">
      <div className="no-print print-bar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
          {t('common.print')}
        </Button>
        <Link to={`/bulletins?month=${month}&unitId=${encodeURIComponent(f.unitId ?? user.unitId)}`}>
          {t('common.back')}
        </Link>
      </div>
      {q.isLoading ? (
        <Loading />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <BulletinDocument b={q.data} />
      )}
    </main>
  );
}
