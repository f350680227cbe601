/** Empty, error and loading states that say what to do next. */
import { ExclamationCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Empty, Spin } from 'antd';
import { useT } from '../../i18n/index.js';
import { ApiError, NetworkError } from '../../lib/api-client.js';

export function EmptyState({
  filtered,
  onClear,
  hint,
}: {
  filtered?: boolean;
  onClear?: () => void;
  hint?: string;
}) {
  const t = useT();
  return (
    <Empty
      data-testid="empty-state"
      description={hint ?? (filtered ? t('state.emptyFiltered') : t('state.emptyHint'))}
    >
      {filtered && onClear ? (
        <Button onClick={onClear} data-testid="clear-filters">
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Empty>
  );
}

/** An empty stretch of a long list: nothing matched yet, more records remain to be searched. */
export function SearchFurther({ busy, onMore }: { busy: boolean; onMore: () => void }) {
  const t = useT();
  return (
    <Empty data-testid="search-further" description={t('state.searchFurther')}>
      <Button onClick={onMore} loading={busy} data-testid="search-further-button">
        {t('common.searchFurther')}
      </Button>
    </Empty>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const forbidden = error instanceof ApiError && error.status === 403;
  const offline = error instanceof NetworkError;
  return (
    <div className="error-state" role="alert" data-testid="error-state">
      <div className="error-icon" aria-hidden>
        {forbidden ? <StopOutlined /> : <ExclamationCircleOutlined />}
      </div>
      <h2>{forbidden ? t('state.forbidden') : t('state.error')}</h2>
      {forbidden ? null : (
        <p className="muted">
          {offline ? t('state.offlineHint') : t('state.errorHint')}
          {error instanceof ApiError ? ` (${error.code})` : ''}
        </p>
      )}
      {onRetry && !forbidden ? (
        <Button type="primary" onClick={onRetry} data-testid="retry">
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <div className="loading" role="status" aria-live="polite">
      <Spin />
      <span className="sr-only">{t('common.loading')}</span>
    </div>
  );
}
