/**
 * 异议复核: the reviewer's queue — objections of units in their jurisdiction, pending first; each upheld
 * with the corrected value (the draft on notice is re-ranked) or rejected, always with the reason.
 */
import type { Objection } from '@jiandu/shared';
import { Button, Card, Form, InputNumber, Segmented, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { EvidenceFiles } from '../../../components/evidence-files.js';
import { Page } from '../../../components/ui/page.js';
import { ReasonModal } from '../../../components/ui/reason-modal.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useDecideObjection, useObjectionQueue } from '../api/notices.js';
import { ObjectionState, useInputLabel } from './notice-page.js';

export function ObjectionQueuePage() {
  const { t } = useI18n();
  const units = useUnits();
  const [f, setF] = useUrlFilters(['state'] as const);
  const state = f.state === 'upheld' || f.state === 'rejected' ? f.state : 'pending';
  const queue = useObjectionQueue(state);
  const decide = useDecideObjection();
  const label = useInputLabel(queue.data?.items.map((o) => o.input) ?? []);
  const [deciding, setDeciding] = useState<{ o: Objection; outcome: 'upheld' | 'rejected' } | null>(null);
  return (
    <Page title={t('notice.queueTitle')}>
      <search className="filters" aria-label={t('common.filters')}>
        <Segmented
          value={state}
          onChange={(v) => setF({ state: String(v) })}
          options={(['pending', 'upheld', 'rejected'] as const).map((s) => ({
            value: s,
            label: t(`notice.state.${s}`),
          }))}
          data-testid="objection-state-switch"
        />
      </search>
      {decide.error ? <ErrorAlert error={decide.error} onClose={() => decide.reset()} /> : null}
      {queue.isLoading ? (
        <Loading />
      ) : queue.error ? (
        <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
      ) : !queue.data?.items.length ? (
        <EmptyState hint={t('notice.queueEmpty')} />
      ) : (
        <div data-testid="objection-queue">
          {queue.data.items.map((o) => (
            <Card
              size="small"
              key={o.id}
              data-testid="queue-item"
              data-unit={o.unitId}
              title={
                <span>
                  {units.name(o.unitId)} · {o.quarter} <ObjectionState state={o.state} />
                </span>
              }
              extra={<Link to={`/rankings/notices/${o.noticeId}`}>{t('notice.view')}</Link>}
              style={{ marginBottom: 12 }}
            >
              <p>
                <strong>{label(o.input)}</strong>：{t('notice.valueOnNotice')} {o.valueOnNotice ?? '—'} →{' '}
                {t('notice.claimedValue')} {o.claimedValue ?? '—'}
              </p>
              <p>{o.reason}</p>
              <p className="muted small">
                {fmtInstant(o.filedAt)} · {t('notice.evidence')} {o.evidence.length}
              </p>
              {o.evidence.length ? (
                // The reviewer opens the unit's evidence here, before deciding (预览 for images and PDFs).
                <EvidenceFiles
                  files={o.evidence}
                  pathOf={(id) =>
                    `/objections/${encodeURIComponent(o.id)}/evidence/${encodeURIComponent(id)}`
                  }
                  who={() => units.name(o.unitId)}
                  testId="objection-evidence"
                />
              ) : null}
              {o.decision ? (
                <p>
                  {t('notice.decision')}：{o.decision.reason}
                </p>
              ) : (
                <Space wrap>
                  <Button
                    type="primary"
                    onClick={() => setDeciding({ o, outcome: 'upheld' })}
                    data-testid="uphold"
                  >
                    {t('notice.uphold')}
                  </Button>
                  <Button danger onClick={() => setDeciding({ o, outcome: 'rejected' })} data-testid="reject">
                    {t('notice.reject')}
                  </Button>
                </Space>
              )}
            </Card>
          ))}
        </div>
      )}
      <ReasonModal
        open={deciding !== null}
        title={t(deciding?.outcome === 'upheld' ? 'notice.upholdTitle' : 'notice.rejectTitle')}
        testId="decision-modal"
        onCancel={() => setDeciding(null)}
        onSubmit={async (v) => {
          if (!deciding) return;
          await decide.mutateAsync({
            id: deciding.o.id,
            outcome: deciding.outcome,
            reason: v.reason,
            ...(deciding.outcome === 'upheld' ? { correctedValue: Number(v.correctedValue) } : {}),
          });
          setDeciding(null);
        }}
      >
        {deciding?.outcome === 'upheld' ? (
          <Form.Item
            name="correctedValue"
            label={t('notice.correctedValue')}
            initialValue={deciding.o.claimedValue ?? undefined}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} style={{ width: '100%' }} data-testid="decision-value" />
          </Form.Item>
        ) : null}
      </ReasonModal>
    </Page>
  );
}
