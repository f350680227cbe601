/**
 * Users: the system administrator creates them (working roles only); the security administrator sets
 * their roles, disables and re-enables them, lifts lockouts and resets passwords (a one-time password,
 * shown once). Buttons follow the capability table; no one acts on their own account.
 */

import { ADMINISTRATOR_ROLES, role as roleEnum } from '@jiandu/shared';
import type { AccountView } from '@jiandu/shared/api';
import {
  App,
  Button,
  type ButtonProps,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useUnits } from '../../../api/units.js';
import { applyServerErrors, ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { useI18n } from '../../../i18n/index.js';
import { useCan } from '../../../lib/use-can.js';
import { useUser } from '../../../lib/use-session.js';
import { useAccountAction, useCreateUser, useUsers } from '../api/admin.js';

export function UsersPanel() {
  const { t, label } = useI18n();
  const { message, modal } = App.useApp();
  const me = useUser();
  const can = useCan();
  const q = useUsers();
  const units = useUnits();
  const create = useCreateUser();
  const act = useAccountAction();
  const [form] = Form.useForm();
  const [rolesForm] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<AccountView | null>(null);
  const manages = can('user.state');
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const roleOptions = (only: 'working' | 'all') =>
    roleEnum.codes
      .filter((r) => only === 'all' || !ADMINISTRATOR_ROLES.includes(r))
      .map((r) => ({ value: r, label: label(roleEnum, r) }));
  const reset = (u: AccountView) =>
    modal.confirm({
      title: t('admin.resetPassword'),
      content: t('admin.confirmReset', { name: u.name }),
      onOk: () =>
        act.mutateAsync({ id: u.id, kind: 'reset' }).then((r) => {
          // The mutation answers any of the four actions; a reset's answer is the PasswordReset.
          if (!('temporaryPassword' in r)) return;
          const { temporaryPassword } = r;
          modal.info({
            title: t('admin.resetPassword'),
            content: (
              <>
                <p>{t('admin.resetDone', { name: u.name })}</p>
                <Typography.Text code copyable data-testid="temporary-password">
                  {temporaryPassword}
                </Typography.Text>
              </>
            ),
          });
        }),
    });
  const disable = (u: AccountView) =>
    modal.confirm({
      title: t('admin.disable'),
      content: t('admin.confirmDisable', { name: u.name }),
      okButtonProps: { danger: true, 'data-testid': 'confirm-disable' } as ButtonProps,
      onOk: () => act.mutateAsync({ id: u.id, kind: 'state', state: 'disabled' }),
    });
  return (
    <>
      {can('user.create') ? (
        <Button
          type="primary"
          onClick={() => setOpen(true)}
          style={{ marginBottom: 8 }}
          data-testid="user-new"
        >
          {t('admin.addUser')}
        </Button>
      ) : null}
      {act.error ? <ErrorAlert error={act.error} onClose={() => act.reset()} /> : null}
      {/* The table scrolls sideways on a phone inside this region, which takes the keyboard to do so. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1) */}
      <section className="table-scroll" tabIndex={0} aria-label={t('admin.users')}>
        <Table<AccountView>
          size="small"
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          data-testid="users"
          pagination={{ pageSize: 50 }}
          onRow={(u) => ({ 'data-testid': `user-${u.username}` }) as object}
          columns={[
            { key: 'u', title: t('admin.username'), dataIndex: 'username' },
            { key: 'n', title: t('admin.name'), dataIndex: 'name' },
            {
              key: 'r',
              title: t('admin.roles'),
              render: (_, u) => u.roles.map((r) => <Tag key={r}>{label(roleEnum, r)}</Tag>),
            },
            { key: 'unit', title: t('admin.homeUnit'), render: (_, u) => units.name(u.unitId) },
            {
              key: 'state',
              title: t('admin.state'),
              render: (_, u) => (
                <Space size={4} wrap>
                  <Tag color={u.state === 'active' ? 'green' : 'default'} data-testid="user-state">
                    {t(u.state === 'active' ? 'admin.state.active' : 'admin.state.disabled')}
                  </Tag>
                  {u.lockedUntil ? <Tag color="red">{t('admin.locked')}</Tag> : null}
                  {u.mustChangePassword ? <Tag color="orange">{t('admin.mustChange')}</Tag> : null}
                </Space>
              ),
            },
            ...(manages
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, u: AccountView) =>
                      u.id === me.id ? null : (
                        <Space size={4} wrap>
                          {can('user.roles') ? (
                            <Button
                              size="small"
                              onClick={() => {
                                rolesForm.setFieldsValue({ roles: u.roles });
                                setEditing(u);
                              }}
                            >
                              {t('admin.editRoles')}
                            </Button>
                          ) : null}
                          {u.state === 'active' ? (
                            <Button size="small" danger onClick={() => disable(u)} data-testid="user-disable">
                              {t('admin.disable')}
                            </Button>
                          ) : (
                            <Button
                              size="small"
                              onClick={() => act.mutate({ id: u.id, kind: 'state', state: 'active' })}
                              data-testid="user-enable"
                            >
                              {t('admin.enable')}
                            </Button>
                          )}
                          {u.lockedUntil ? (
                            <Button size="small" onClick={() => act.mutate({ id: u.id, kind: 'unlock' })}>
                              {t('admin.unlock')}
                            </Button>
                          ) : null}
                          <Button size="small" onClick={() => reset(u)} data-testid="user-reset">
                            {t('admin.resetPassword')}
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </section>
      <Modal
        open={editing !== null}
        title={`${t('admin.editRoles')} · ${editing?.name ?? ''}`}
        footer={null}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form
          form={rolesForm}
          layout="vertical"
          onFinish={(v: { roles: AccountView['roles'] }) =>
            editing &&
            act.mutate(
              { id: editing.id, kind: 'roles', roles: v.roles },
              {
                onSuccess: () => {
                  message.success(t('common.saved'));
                  setEditing(null);
                },
                onError: (e) => applyServerErrors(rolesForm, e),
              },
            )
          }
        >
          <Form.Item
            name="roles"
            label={t('admin.roles')}
            extra={t('admin.rolesHint')}
            rules={[{ required: true }]}
          >
            <Select mode="multiple" options={roleOptions('all')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={act.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={open}
        title={t('admin.addUser')}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            create.mutate(v, {
              onSuccess: () => {
                message.success(t('common.saved'));
                form.resetFields();
                setOpen(false);
              },
              onError: (e) => applyServerErrors(form, e),
            })
          }
        >
          <Form.Item name="username" label={t('admin.username')} rules={[{ required: true }]}>
            <Input autoCapitalize="none" />
          </Form.Item>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="roles"
            label={t('admin.roles')}
            extra={t('admin.rolesHint')}
            rules={[{ required: true }]}
          >
            <Select mode="multiple" options={roleOptions('working')} />
          </Form.Item>
          <Form.Item name="unitId" label={t('admin.homeUnit')} rules={[{ required: true }]}>
            <UnitPicker />
          </Form.Item>
          <Form.Item name="password" label={t('admin.password')} rules={[{ required: true, min: 12 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
