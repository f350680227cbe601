/** The unit tree (kinds, codes, aliases) and, for the picked unit, who held its posts when. */
import { postKind, type Tenure, type Unit, unitKind } from '@jiandu/shared';
import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Table, Tag, Tree } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useUnits } from '../../../api/units.js';
import { ReasonModal } from '../../../components/ui/reason-modal.js';
import { applyServerErrors, ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { type MessageKey, useI18n } from '../../../i18n/index.js';
import { ApiError } from '../../../lib/api-client.js';
import { newIdempotencyKey } from '../../../lib/outbox.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useCreateTenure, useCreateUnit, useMoveUnit, useTenures, useUpdateTenure } from '../api/admin.js';

interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

function buildTree(units: Unit[], kindLabel: (k: string) => string): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const u of units)
    nodes.set(u.id, { key: u.id, title: `${u.name} · ${kindLabel(u.kind)}`, children: [] });
  const roots: TreeNode[] = [];
  for (const u of units) {
    const n = nodes.get(u.id)!;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

function TenureForm({ unitId, onDone }: { unitId: string; onDone: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm();
  const create = useCreateTenure();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        create.mutate(
          {
            personName: v.personName,
            tenure: {
              id: newIdempotencyKey(),
              personId: v.personId || newIdempotencyKey(),
              unitId,
              post: v.post,
              ...(v.title ? { title: v.title } : {}),
              from: v.from,
              to: v.to || null,
            },
          },
          {
            onSuccess: () => {
              form.resetFields();
              onDone();
            },
            onError: (e) => applyServerErrors(form, e),
          },
        )
      }
    >
      <div className="two-col">
        <Form.Item name="personName" label={t('admin.personName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="personId" label={t('admin.personId')} extra={t('admin.personIdHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="post" label={t('admin.post')} rules={[{ required: true }]}>
          <Select options={postKind.codes.map((c) => ({ value: c, label: label(postKind, c) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('admin.postTitle')}>
          <Input />
        </Form.Item>
        <Form.Item name="from" label={t('admin.tenureFrom')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t('admin.tenureTo')}>
          <Input type="date" />
        </Form.Item>
      </div>
      {create.error && !applyServerErrors(undefined, create.error) ? (
        <ErrorAlert error={create.error} />
      ) : null}
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('admin.addTenure')}
      </Button>
    </Form>
  );
}

/**
 * The system id of a new unit (used in links and imports, never changed) when the administrator leaves it
 * empty: the unit's code where it is a valid id (行政区划代码 are digits), else a fresh unique id.
 */
function unitIdFor(code: string): string {
  const c = (code ?? '').trim().toLowerCase();
  return /^[a-z0-9_-]{1,64}$/.test(c) ? c : newIdempotencyKey();
}

/** 结束任职 / 更正: the last day in post (empty: still in post) and the post's title, with the reason. */
function TenureEditor({ tenure, onClose }: { tenure: Tenure | null; onClose: () => void }) {
  const { t } = useI18n();
  const update = useUpdateTenure();
  return (
    <ReasonModal
      open={tenure !== null}
      title={t('admin.editTenureTitle')}
      testId="tenure-editor"
      onCancel={onClose}
      onSubmit={async (v) => {
        if (!tenure) return;
        await update.mutateAsync({
          id: tenure.id,
          change: {
            to: (v.to as string | undefined) || null,
            title: (v.title as string | undefined)?.trim() || null,
            reason: v.reason,
          },
        });
        onClose();
      }}
    >
      {tenure ? (
        <>
          <Form.Item
            name="to"
            label={t('admin.tenureTo')}
            initialValue={tenure.to ?? ''}
            extra={t('admin.tenureToHint')}
          >
            <Input type="date" min={tenure.from} data-testid="tenure-editor-to" />
          </Form.Item>
          <Form.Item name="title" label={t('admin.postTitle')} initialValue={tenure.title ?? ''}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      ) : null}
      {update.error ? <ErrorAlert error={update.error} onClose={() => update.reset()} /> : null}
    </ReasonModal>
  );
}

function UnitForm({ onDone }: { onDone: (created: Unit) => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm();
  const create = useCreateUnit();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        create.mutate(
          {
            id: v.id || unitIdFor(v.code),
            name: v.name,
            kind: v.kind,
            parentId: v.parentId ?? null,
            code: v.code,
            ...(v.establishedOn ? { establishedOn: v.establishedOn } : {}),
            aliases: (v.aliases ?? '')
              .split(/[,，、]/)
              .map((s: string) => s.trim())
              .filter(Boolean),
          },
          { onSuccess: (u) => onDone(u), onError: (e) => applyServerErrors(form, e) },
        )
      }
    >
      <div className="two-col">
        <Form.Item name="name" label={t('admin.unitName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.unitKind')} rules={[{ required: true }]}>
          <Select options={unitKind.codes.map((c) => ({ value: c, label: label(unitKind, c) }))} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('admin.code')}
          extra={t('admin.codeHint')}
          rules={[{ required: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="parentId" label={t('admin.parent')}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="aliases" label={t('admin.aliases')}>
          <Input placeholder="简称、旧称" />
        </Form.Item>
        <Form.Item name="establishedOn" label={t('admin.establishedOn')} extra={t('admin.establishedOnHint')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="id"
          label={t('admin.unitId')}
          extra={t('admin.unitIdHint')}
          rules={[{ pattern: /^[A-Za-z0-9_-]{1,64}$/, message: t('admin.unitIdInvalid') }]}
        >
          <Input placeholder={t('admin.unitIdPlaceholder')} />
        </Form.Item>
      </div>
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

const MOVE_CODES = [
  'unit.moveIntoSubtree',
  'unit.moveBeforeEstablished',
  'unit.moveBeforeLast',
  'unit.merged',
];

/**
 * 移动 (the unit under another parent) or 合并 (another unit into this one), from an effective day, after
 * a confirmation that says what follows (records, rankings of later quarters; earlier ones unchanged).
 */
function MoveForm({
  unit,
  kind,
  onDone,
}: {
  unit: Unit;
  kind: 'move' | 'merge';
  onDone: (n: number) => void;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const move = useMoveUnit();
  const submit = (v: { other: string; effectiveOn: string; reason: string }) =>
    modal.confirm({
      title: t(kind === 'move' ? 'admin.moveTitle' : 'admin.mergeTitle'),
      content: t(kind === 'move' ? 'admin.confirmMove' : 'admin.confirmMerge', { name: unit.name }),
      onOk: () =>
        move.mutate(
          kind === 'move'
            ? { kind, unitId: unit.id, parentId: v.other, effectiveOn: v.effectiveOn, reason: v.reason }
            : { kind, sourceIds: [v.other], targetId: unit.id, effectiveOn: v.effectiveOn, reason: v.reason },
          {
            onSuccess: (m) => onDone(m.reindexed),
            onError: (e) => {
              if (e instanceof ApiError && MOVE_CODES.includes(e.code)) {
                const name = e.field === 'effectiveOn' ? 'effectiveOn' : 'other';
                form.setFields([{ name, errors: [t(`admin.move.code.${e.code}` as MessageKey)] }]);
              } else applyServerErrors(form, e);
            },
          },
        ),
    });
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid={`unit-${kind}-form`}>
      <Form.Item
        name="other"
        label={t(kind === 'move' ? 'admin.newParent' : 'admin.mergeSources')}
        rules={[{ required: true }]}
      >
        <UnitPicker />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('admin.effectiveOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="reason" label={t('admin.moveReason')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {move.error && !(move.error instanceof ApiError && MOVE_CODES.includes(move.error.code)) ? (
        <ErrorAlert error={move.error} />
      ) : null}
      <Button type="primary" htmlType="submit" loading={move.isPending}>
        {t(kind === 'move' ? 'admin.moveUnit' : 'admin.mergeUnit')}
      </Button>
    </Form>
  );
}

export function UnitsPanel() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const units = useUnits();
  const [f, setF] = useUrlFilters(['unit'] as const);
  const [adding, setAdding] = useState<'unit' | 'tenure' | 'move' | 'merge' | null>(null);
  const [editing, setEditing] = useState<Tenure | null>(null);
  const tree = useMemo(() => buildTree(units.units, (k) => label(unitKind, k)), [units.units, label]);
  const selected = f.unit ? units.byId?.get(f.unit) : undefined;
  // Roots open at first; a selected unit (from the address, or just created) opens its branch.
  const [expanded, setExpanded] = useState<string[]>([]);
  const roots = tree.map((n) => n.key).join(',');
  const byId = units.byId;
  useEffect(() => {
    const branch: string[] = [];
    for (let u = f.unit ? byId?.get(f.unit) : undefined; u?.parentId; u = byId?.get(u.parentId))
      branch.push(u.parentId);
    const open = [...(roots ? roots.split(',') : []), ...branch];
    setExpanded((e) => (open.every((k) => e.includes(k)) ? e : [...new Set([...e, ...open])]));
  }, [roots, f.unit, byId]);
  // …and is scrolled into the tree's view once (the tree renders only the rows in view).
  const treeRef = useRef<{ scrollTo: (o: { key: string; align?: 'top' | 'bottom' | 'auto' }) => void }>(null);
  const scrolledTo = useRef<string | undefined>(undefined);
  useEffect(() => {
    const parent = f.unit ? byId?.get(f.unit)?.parentId : undefined;
    if (!f.unit || scrolledTo.current === f.unit || !byId?.has(f.unit)) return;
    if (parent && !expanded.includes(parent)) return;
    scrolledTo.current = f.unit;
    const unit = f.unit;
    requestAnimationFrame(() => treeRef.current?.scrollTo({ key: unit, align: 'auto' }));
  }, [f.unit, expanded, byId]);
  const tenures = useTenures(selected?.id);
  if (units.isLoading) return <Loading />;
  if (units.error) return <ErrorState error={units.error} onRetry={() => units.refetch()} />;
  return (
    <div className="admin-split">
      <Card
        size="small"
        title={t('admin.units')}
        extra={
          <Button size="small" onClick={() => setAdding('unit')} data-testid="add-unit">
            {t('admin.addUnit')}
          </Button>
        }
      >
        <Tree
          ref={treeRef as never}
          treeData={tree}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selected ? [selected.id] : []}
          onSelect={(keys) => setF({ unit: String(keys[0] ?? '') })}
          height={520}
          data-testid="unit-tree"
        />
      </Card>
      <Card size="small" title={selected?.name ?? t('admin.selectUnit')}>
        {selected ? (
          <>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'id', label: t('admin.systemId'), children: selected.id },
                { key: 'kind', label: t('admin.unitKind'), children: label(unitKind, selected.kind) },
                { key: 'code', label: t('admin.code'), children: selected.code },
                {
                  key: 'aliases',
                  label: t('admin.aliases'),
                  children: selected.aliases?.length
                    ? selected.aliases.map((a) => <Tag key={a}>{a}</Tag>)
                    : '—',
                },
                { key: 'parent', label: t('admin.parent'), children: units.name(selected.parentId) || '—' },
              ]}
            />
            <h3>{t('admin.posts')}</h3>
            <Table<Tenure>
              size="small"
              rowKey="id"
              pagination={false}
              loading={tenures.isLoading}
              dataSource={tenures.data?.items ?? []}
              data-testid="tenures"
              scroll={{ x: true }}
              columns={[
                {
                  key: 'p',
                  title: t('admin.person'),
                  render: (_, x) => tenures.data?.names[x.personId] ?? '—',
                },
                { key: 'post', title: t('admin.post'), render: (_, x) => label(postKind, x.post) },
                { key: 'title', title: t('admin.postTitle'), render: (_, x) => x.title ?? '—' },
                { key: 'from', title: t('admin.tenureFrom'), dataIndex: 'from' },
                {
                  key: 'to',
                  title: t('admin.tenureTo'),
                  render: (_, x) => x.to ?? <Tag color="green">{t('admin.current')}</Tag>,
                },
                {
                  key: 'op',
                  title: t('common.actions'),
                  render: (_, x) => (
                    <Button size="small" onClick={() => setEditing(x)} data-testid="tenure-edit">
                      {x.to ? t('admin.editTenure') : t('admin.endTenure')}
                    </Button>
                  ),
                },
              ]}
            />
            <Button style={{ marginTop: 8 }} onClick={() => setAdding('tenure')}>
              {t('admin.addTenure')}
            </Button>{' '}
            <Button
              style={{ marginTop: 8 }}
              onClick={() => setAdding('move')}
              disabled={!!selected.mergedInto}
            >
              {t('admin.moveUnit')}
            </Button>{' '}
            <Button
              style={{ marginTop: 8 }}
              onClick={() => setAdding('merge')}
              disabled={!!selected.mergedInto}
            >
              {t('admin.mergeUnit')}
            </Button>
          </>
        ) : (
          <p className="muted">{t('admin.selectUnit')}</p>
        )}
      </Card>
      <Modal
        open={adding === 'tenure'}
        title={t('admin.addTenure')}
        footer={null}
        onCancel={() => setAdding(null)}
        destroyOnHidden
      >
        {selected ? (
          <TenureForm
            unitId={selected.id}
            onDone={() => {
              message.success(t('common.saved'));
              setAdding(null);
            }}
          />
        ) : null}
      </Modal>
      <Modal
        open={adding === 'move' || adding === 'merge'}
        title={t(adding === 'merge' ? 'admin.mergeTitle' : 'admin.moveTitle')}
        footer={null}
        onCancel={() => setAdding(null)}
        destroyOnHidden
      >
        {selected && (adding === 'move' || adding === 'merge') ? (
          <MoveForm
            unit={selected}
            kind={adding}
            onDone={(count) => {
              message.success(t('admin.moveDone', { count }));
              setAdding(null);
            }}
          />
        ) : null}
      </Modal>
      <Modal
        open={adding === 'unit'}
        title={t('admin.addUnit')}
        footer={null}
        onCancel={() => setAdding(null)}
        destroyOnHidden
      >
        <UnitForm
          onDone={(u) => {
            message.success(t('common.saved'));
            setAdding(null);
            // Show the new unit: selected, its branch of the tree opened.
            setF({ unit: u.id });
          }}
        />
      </Modal>
      <TenureEditor tenure={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
