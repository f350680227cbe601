/**
 * 公示: the quarter's draft on notice as a unit sees it — its own score with its neighbours, every unit's
 * breakdown, what decisions changed, its objections, and (its officers and leaders, while the notice is
 * open) an objection to one input of its own score with evidence files.
 */
import { inputsOf, type ScoreDimension, scoreDimensions, type UnitQuarterAggregate } from '@jiandu/shared';
import { App, Button, Card, Form, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { uploadEvidence } from '../../../api/evidence-upload.js';
import { useUnits } from '../../../api/units.js';
import { Page } from '../../../components/ui/page.js';
import { ReasonModal } from '../../../components/ui/reason-modal.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { type MessageKey, useI18n } from '../../../i18n/index.js';
import { fmtInstant, points } from '../../../lib/format.js';
import { useCan } from '../../../lib/use-can.js';
import { useUser } from '../../../lib/use-session.js';
import { useIndicatorNames } from '../api/indicator-names.js';
import { useFileObjection, useNotice } from '../api/notices.js';
import { Neighbours, RankingTable } from './rankings-page.js';

const TASK = /^tasks\.(.+)\.actual$/;

/** The label of an input of a score (`findings.grave`, `tasks.<id>.actual` …); `inputs`: those shown. */
export function useInputLabel(inputs: readonly string[]): (input: string) => string {
  const { t } = useI18n();
  const names = useIndicatorNames([...new Set(inputs.flatMap((i) => TASK.exec(i)?.[1] ?? []))]);
  return (input) => {
    const m = TASK.exec(input);
    if (m) return t('notice.input.task', { name: names.get(m[1] ?? '') ?? m[1] ?? '' });
    return t(`notice.input.${input}` as MessageKey);
  };
}

export function ObjectionState({ state }: { state: 'pending' | 'upheld' | 'rejected' }) {
  const { t } = useI18n();
  const color = state === 'pending' ? 'orange' : state === 'upheld' ? 'green' : 'default';
  return (
    <Tag color={color} data-testid="objection-state">
      {t(`notice.state.${state}`)}
    </Tag>
  );
}

export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const can = useCan();
  const units = useUnits();
  const view = useNotice(id);
  const file = useFileObjection(id);
  const own = (view.data?.notice.inputs as unknown as UnitQuarterAggregate[] | undefined)?.find(
    (a) => a.unitId === user.unitId,
  );
  const label = useInputLabel([
    ...(own ? inputsOf(own).map((i) => i.input) : []),
    ...(view.data?.objections.map((o) => o.input) ?? []),
  ]);
  const [objecting, setObjecting] = useState(false);
  const [dimension, setDimension] = useState<ScoreDimension>('rectification');
  const [files, setFiles] = useState<File[]>([]);
  if (view.isLoading) return <Loading />;
  if (view.error || !view.data) return <ErrorState error={view.error} onRetry={() => view.refetch()} />;
  const { notice, objections, changes, open } = view.data;
  const mine = notice.current.rows.find((r) => r.unitId === user.unitId);
  const myInputs = own;
  const mayObject = open && !!mine && !!myInputs && can('ranking.object');
  const stateTag =
    notice.state === 'published' ? (
      <Tag color="green">{t('notice.published')}</Tag>
    ) : open ? (
      <Tag color="blue">{t('notice.onNotice')}</Tag>
    ) : (
      <Tag>{t('notice.ended')}</Tag>
    );
  return (
    <Page
      title={`${t('notice.title')} · ${notice.quarter} · ${units.name(notice.group.parentUnitId)}`}
      extra={
        mayObject ? (
          <Button type="primary" onClick={() => setObjecting(true)} data-testid="object">
            {t('notice.object')}
          </Button>
        ) : null
      }
    >
      <Card size="small" className="banner" data-testid="notice-info">
        <div>
          {stateTag} {t('notice.until', { date: notice.endsOn })} · {fmtInstant(notice.startedAt)}
        </div>
        <div>
          {t('notice.frozenHash')}:{' '}
          <Typography.Text code copyable>
            {notice.contentHash}
          </Typography.Text>
        </div>
        {notice.state === 'on_notice' ? <div className="muted small">{t('notice.publishWaits')}</div> : null}
      </Card>
      {file.error ? <ErrorAlert error={file.error} onClose={() => file.reset()} /> : null}
      {mine && can('ranking.ownUnit') ? (
        <Neighbours ranking={notice.current} unitId={mine.unitId} published={false} />
      ) : null}
      {changes.length > 0 ? (
        <Card size="small" title={t('notice.changes')} data-testid="notice-changes">
          <ul>
            {changes.map((c) => (
              <li key={c.unitId}>
                {t('notice.change', {
                  unit: units.name(c.unitId),
                  from: c.rankBefore,
                  to: c.rankAfter,
                  before: points(c.totalBefore),
                  after: points(c.totalAfter),
                })}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <RankingTable ranking={notice.current} myUnits={new Set([user.unitId])} published={false} />
      <Card size="small" title={t('notice.objections')} data-testid="notice-objections">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={objections}
          locale={{ emptyText: t('notice.noObjections') }}
          onRow={(o) => ({ 'data-testid': 'objection-row', 'data-unit': o.unitId }) as never}
          columns={[
            { key: 'unit', title: t('common.unit'), render: (_, o) => units.name(o.unitId) },
            { key: 'input', title: t('notice.input'), render: (_, o) => label(o.input) },
            {
              key: 'value',
              title: `${t('notice.valueOnNotice')} → ${t('notice.claimedValue')}`,
              render: (_, o) => `${o.valueOnNotice ?? '—'} → ${o.claimedValue ?? '—'}`,
            },
            { key: 'reason', title: t('common.reason'), dataIndex: 'reason' },
            { key: 'state', title: '', render: (_, o) => <ObjectionState state={o.state} /> },
            {
              key: 'decision',
              title: t('notice.decision'),
              render: (_, o) => o.decision?.reason ?? '',
              responsive: ['md'],
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={objecting}
        title={t('notice.objectTitle')}
        testId="objection-modal"
        onCancel={() => setObjecting(false)}
        onSubmit={async (v) => {
          if (!myInputs) return;
          const evidence = [];
          for (const f of files) evidence.push(await uploadEvidence(f));
          await file.mutateAsync({
            unitId: user.unitId,
            dimension,
            input: String(v.input),
            claimedValue: typeof v.claimedValue === 'number' ? v.claimedValue : null,
            reason: v.reason,
            evidence,
          });
          setObjecting(false);
          setFiles([]);
          message.success(t('notice.filed'));
        }}
      >
        <Form.Item label={t('notice.dimension')} required>
          <Select
            value={dimension}
            onChange={(d: ScoreDimension) => setDimension(d)}
            options={scoreDimensions.map((d) => ({ value: d, label: t(`rank.${d}`) }))}
            data-testid="objection-dimension"
            aria-label={t('notice.dimension')}
          />
        </Form.Item>
        <Form.Item name="input" label={t('notice.input')} rules={[{ required: true }]}>
          <Select
            data-testid="objection-input"
            options={(myInputs ? inputsOf(myInputs) : [])
              .filter((i) => i.dimension === dimension)
              .map((i) => ({ value: i.input, label: label(i.input) }))}
          />
        </Form.Item>
        <Form.Item name="claimedValue" label={t('notice.claimedValue')}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="objection-claimed" />
        </Form.Item>
        <Form.Item label={t('notice.evidence')}>
          <input
            type="file"
            multiple
            data-testid="objection-files"
            aria-label={t('notice.evidence')}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
        </Form.Item>
      </ReasonModal>
    </Page>
  );
}
