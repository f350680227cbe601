import { role as roleEnum } from '@jiandu/shared';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useUnits } from '../../../api/units.js';
import { applyServerErrors, ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { useI18n } from '../../../i18n/index.js';
import { type PublicUser, useCreateUser, useUsers } from '../api/admin.js';

export function UsersPanel() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const q = useUsers();
  const units = useUnits();
  const create = useCreateUser();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 8 }} data-testid="user-new">
        {t('admin.addUser')}
      </Button>
      <Table<PublicUser>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        data-testid="users"
        pagination={{ pageSize: 50 }}
        scroll={{ x: true }}
        columns={[
          { key: 'u', title: t('admin.username'), dataIndex: 'username' },
          { key: 'n', title: t('admin.name'), dataIndex: 'name' },
          {
            key: 'r',
            title: t('admin.roles'),
            render: (_, u) => u.roles.map((r) => <Tag key={r}>{label(roleEnum, r)}</Tag>),
          },
          { key: 'unit', title: t('admin.homeUnit'), render: (_, u) => units.name(u.unitId) },
        ]}
      />
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
          <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={roleEnum.codes.map((r) => ({ value: r, label: label(roleEnum, r) }))}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('admin.homeUnit')} rules={[{ required: true }]}>
            <UnitPicker />
          </Form.Item>
          <Form.Item name="password" label={t('admin.password')} rules={[{ required: true, min: 8 }]}>
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
