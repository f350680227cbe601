/**
 * 通报: the month's bulletin of a scope unit as a draft, or an issued (frozen) one when `id` is in the
 * URL — opening it records that you read it (已读). Supervisors issue an ended month; the issued list
 * shows your read state, and the issuer sees who has read each one.
 */

import { PrinterOutlined } from '@ant-design/icons';
import type { IssuedListItem } from '@jiandu/shared/api';
import { Alert, Button, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { Page } from '../../../components/ui/page.js';
import { Panel } from '../../../components/ui/panel.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant, recentMonths } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useCan } from '../../../lib/use-can.js';
import { useUser } from '../../../lib/use-session.js';
import {
  useBulletin,
  useBulletinReads,
  useIssueBulletin,
  useIssuedBulletin,
  useIssuedBulletins,
} from '../api/bulletin.js';
import { BulletinDocument } from './bulletin-document.js';

function ReadsModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const units = useUnits();
  const q = useBulletinReads(id);
  return (
    <Modal open={id !== null} onCancel={onClose} footer={null} title={t('bulletins.readsTitle')} width={640}>
      {q.isLoading ? (
        <Loading />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          <p>{t('bulletins.readsCount', { n: q.data.count })}</p>
          <Table
            size="small"
            rowKey="userId"
            pagination={false}
            dataSource={q.data.reads}
            data-testid="bulletin-reads"
            columns={[
              { title: t('admin.name'), dataIndex: 'name' },
              { title: t('common.unit'), dataIndex: 'unitId', render: (u: string) => units.name(u) },
              { title: t('bulletins.readAt'), dataIndex: 'readAt', render: (at: string) => fmtInstant(at) },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

function IssuedList({
  unitId,
  onOpen,
  isSupervisor,
}: {
  unitId: string;
  onOpen: (id: string, month: string, unitId: string) => void;
  isSupervisor: boolean;
}) {
  const { t } = useI18n();
  const user = useUser();
  const q = useIssuedBulletins(unitId);
  const [readsOf, setReadsOf] = useState<string | null>(null);
  return (
    <Panel title={t('bulletins.issuedList')} testId="bulletins-issued">
      {q.isLoading ? (
        <Loading />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <p className="muted">{t('bulletins.noneIssued')}</p>
      ) : (
        <Table<IssuedListItem>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={q.data.items}
          columns={[
            { title: t('common.month'), dataIndex: 'month' },
            { title: t('bulletins.scope'), dataIndex: 'unitName' },
            { title: t('bulletins.issuedAt'), dataIndex: 'issuedAt', render: (at: string) => fmtInstant(at) },
            {
              title: t('bulletins.issuedBy'),
              dataIndex: 'issuedBy',
              render: (by: IssuedListItem['issuedBy']) =>
                by.role === 'system' ? t('bulletins.bySchedule') : by.name,
            },
            {
              title: t('bulletins.myRead'),
              dataIndex: 'readAt',
              render: (at: string | null, b) =>
                at ? (
                  <Tag color="green" data-testid={`bulletin-read-${b.id}`}>
                    {t('bulletins.read')}
                  </Tag>
                ) : (
                  <Tag color="orange" data-testid={`bulletin-unread-${b.id}`}>
                    {t('bulletins.unread')}
                  </Tag>
                ),
            },
            {
              title: '',
              dataIndex: 'id',
              render: (id: string, b) => (
                <Space>
                  <Button
                    size="small"
                    onClick={() => onOpen(id, b.month, b.unitId)}
                    data-testid={`bulletin-open-${id}`}
                  >
                    {t('common.open')}
                  </Button>
                  {isSupervisor && (b.issuedBy.id === user.id || b.issuedBy.role === 'system') ? (
                    <Button size="small" onClick={() => setReadsOf(id)} data-testid={`bulletin-reads-${id}`}>
                      {t('bulletins.reads')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      <ReadsModal id={readsOf} onClose={() => setReadsOf(null)} />
    </Panel>
  );
}

export function BulletinPage() {
  const { t } = useI18n();
  const user = useUser();
  const [f, setF] = useUrlFilters(['month', 'unitId', 'id'] as const);
  const issued = useIssuedBulletin(f.id);
  // An issued bulletin opened by its id sets the month and scope shown.
  const month = (f.id ? issued.data?.month : undefined) ?? f.month ?? recentMonths(1)[0]!;
  const unitId = (f.id ? issued.data?.unitId : undefined) ?? f.unitId ?? user.unitId;
  const draft = useBulletin(month, unitId, !f.id);
  const issue = useIssueBulletin();
  const can = useCan();
  const isSupervisor = can('bulletin.issue');
  const ended = month < (recentMonths(1)[0] ?? month);
  const issuedId = draft.data?.issuedId ?? null;
  const printHref = f.id
    ? `/bulletins/print?id=${encodeURIComponent(f.id)}`
    : `/bulletins/print?month=${month}&unitId=${encodeURIComponent(unitId)}`;
  const q = f.id ? issued : draft;
  return (
    <Page
      title={t('bulletins.title')}
      extra={
        <Space wrap>
          {isSupervisor && !f.id && ended && draft.data && !issuedId ? (
            <Popconfirm
              title={t('bulletins.issueConfirm', { month, unit: draft.data.unitName })}
              onConfirm={() => issue.mutate({ month, unitId }, { onSuccess: (b) => setF({ id: b.id }) })}
            >
              <Button type="primary" loading={issue.isPending} data-testid="bulletin-issue">
                {t('bulletins.issue')}
              </Button>
            </Popconfirm>
          ) : null}
          <ExportButton list="bulletin" query={{ month, unitId }} />
          <Link to={printHref} target="_blank" data-testid="bulletin-print-link">
            <Button icon={<PrinterOutlined />}>{t('bulletins.printable')}</Button>
          </Link>
        </Space>
      }
    >
      <search className="filters" aria-label={t('common.filters')}>
        <Input
          type="month"
          value={month}
          onChange={(e) => e.target.value && setF({ month: e.target.value, id: null })}
          aria-label={t('common.month')}
          style={{ width: 170 }}
          data-testid="bulletin-month"
        />
        <UnitPicker
          value={unitId}
          onChange={(v) => setF({ unitId: v, id: null })}
          allowClear={false}
          testId="bulletin-unit"
          aria-label={t('bulletins.scope')}
        />
      </search>
      {issue.error ? <ErrorAlert error={issue.error} onClose={() => issue.reset()} /> : null}
      {f.id ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('bulletins.viewingIssued')}
          action={
            <Button size="small" onClick={() => setF({ id: null })} data-testid="bulletin-back-to-draft">
              {t('bulletins.backToDraft')}
            </Button>
          }
        />
      ) : issuedId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('bulletins.alreadyIssued')}
          action={
            <Button size="small" onClick={() => setF({ id: issuedId })} data-testid="bulletin-open-issued">
              {t('bulletins.openIssued')}
            </Button>
          }
        />
      ) : null}
      {q.isLoading ? (
        <Loading />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : f.id && issued.data ? (
        <BulletinDocument b={issued.data.content} issued={issued.data} />
      ) : draft.data ? (
        <BulletinDocument b={draft.data} />
      ) : null}
      <IssuedList
        unitId={unitId}
        onOpen={(id, m, u) => setF({ id, month: m, unitId: u })}
        isSupervisor={isSupervisor}
      />
    </Page>
  );
}

export function BulletinPrintPage() {
  const { t } = useI18n();
  const user = useUser();
  const [f] = useUrlFilters(['month', 'unitId', 'id'] as const);
  const month = f.month ?? recentMonths(1)[0]!;
  const draft = useBulletin(month, f.unitId ?? user.unitId, !f.id);
  const issued = useIssuedBulletin(f.id);
  const q = f.id ? issued : draft;
  const back = f.id
    ? `/bulletins?id=${encodeURIComponent(f.id)}`
    : `/bulletins?month=${month}&unitId=${encodeURIComponent(f.unitId ?? user.unitId)}`;
  return (
    <main className="print-root">
      <div className="no-print print-bar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
          {t('common.print')}
        </Button>
        <Link to={back}>{t('common.back')}</Link>
      </div>
      {q.isLoading ? (
        <Loading />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : f.id && issued.data ? (
        <BulletinDocument b={issued.data.content} issued={issued.data} />
      ) : draft.data ? (
        <BulletinDocument b={draft.data} />
      ) : null}
    </main>
  );
}
