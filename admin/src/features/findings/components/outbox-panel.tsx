/** Findings logged offline, waiting on this device: sent automatically; a refusal shows the reason. */
import { Alert, Button, List, Popconfirm } from 'antd';
import { useUnits } from '../../../api/units.js';
import { useI18n } from '../../../i18n/index.js';
import { outbox } from '../../../lib/outbox-idb.js';
import { useFindingOutbox, useFlushOutbox } from '../api/create-finding.js';

export function OutboxPanel() {
  const { t, errorText } = useI18n();
  const items = useFindingOutbox();
  const flush = useFlushOutbox();
  const units = useUnits();
  if (!items.length) return null;
  return (
    <Alert
      type="info"
      className="banner"
      data-testid="outbox-panel"
      title={t('findings.outbox')}
      description={
        <>
          <p>{t('findings.outboxHint')}</p>
          <List
            size="small"
            dataSource={items}
            renderItem={(e) => (
              <List.Item
                data-testid="outbox-item"
                actions={[
                  e.lastError ? (
                    <Popconfirm
                      key="del"
                      title={t('findings.removeDraft')}
                      onConfirm={() => outbox.remove(e.key)}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                    >
                      <Button size="small" danger>
                        {t('findings.removeDraft')}
                      </Button>
                    </Popconfirm>
                  ) : null,
                ]}
              >
                <div>
                  <div>
                    {units.name(e.body.unitId)} · {e.body.description.slice(0, 60)}
                  </div>
                  {e.lastError ? (
                    <div className="error-text">
                      {t('findings.outboxFailed', {
                        message: errorText(e.lastError),
                      })}
                    </div>
                  ) : null}
                </div>
              </List.Item>
            )}
          />
          <Button
            size="small"
            type="primary"
            loading={flush.isPending}
            onClick={() => flush.mutate(undefined)}
            data-testid="outbox-send"
          >
            {t('findings.sendNow')}
          </Button>
        </>
      }
    />
  );
}
