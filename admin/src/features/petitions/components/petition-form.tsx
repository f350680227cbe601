/** Register a petition: the identity is sealed by the API and shown masked from then on. */
import {
  govLevel,
  type PetitionInput,
  petitionChannel,
  petitionInputSchema,
  problemCategory,
} from '@jiandu/shared';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../../components/ui/page.js';
import { applyServerErrors, ErrorAlert } from '../../../components/ui/server-errors.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant, localToInstant } from '../../../lib/format.js';
import { newIdempotencyKey } from '../../../lib/outbox.js';
import { issueFields } from '../../../lib/schema-issues.js';
import { useCreatePetition } from '../api/create-petition.js';

interface Values {
  petitioner: { name: string; phone?: string; idNumber?: string };
  channel: string;
  levelReceived: string;
  unitId: string;
  category: string;
  matter: string;
  receivedAt: string;
}

export function PetitionForm() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newIdempotencyKey);
  const [other, setOther] = useState<unknown>(null);
  const create = useCreatePetition();
  const options = (e: { codes: readonly string[]; labels: Record<string, { zh: string; en: string }> }) =>
    e.codes.map((c) => ({ value: c, label: label(e, c) }));
  const onFinish = (v: Values) => {
    setOther(null);
    const body = {
      petitioner: {
        name: v.petitioner.name,
        ...(v.petitioner.phone ? { phone: v.petitioner.phone } : {}),
        ...(v.petitioner.idNumber ? { idNumber: v.petitioner.idNumber } : {}),
      },
      channel: v.channel,
      levelReceived: v.levelReceived,
      unitId: v.unitId,
      category: v.category,
      matter: v.matter,
      receivedAt: localToInstant(v.receivedAt) ?? v.receivedAt,
    } as PetitionInput;
    const parsed = petitionInputSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(issueFields(t, parsed.error.issues) as never);
      return;
    }
    create.mutate(
      { body, key },
      {
        onSuccess: (r) => {
          message.success(t('common.saved'));
          navigate(`/petitions/${'duplicateOf' in r ? r.duplicateOf : r.id}`);
        },
        onError: (e) => {
          if (!applyServerErrors(form, e)) setOther(e);
        },
      },
    );
  };
  return (
    <Page title={t('petitions.new')}>
      <Card className="form-card">
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{
            receivedAt: fmtInstant(new Date().toISOString()).replace(' ', 'T'),
            channel: 'letter',
          }}
          data-testid="petition-form"
        >
          <div className="two-col">
            <Form.Item name={['petitioner', 'name']} label={t('petitions.name')} rules={[{ required: true }]}>
              <Input data-testid="petition-name" autoComplete="off" />
            </Form.Item>
            <Form.Item name={['petitioner', 'phone']} label={t('petitions.phone')}>
              <Input inputMode="tel" data-testid="petition-phone" autoComplete="off" />
            </Form.Item>
          </div>
          <Form.Item name={['petitioner', 'idNumber']} label={t('petitions.idNumber')}>
            <Input data-testid="petition-id-number" autoComplete="off" />
          </Form.Item>
          <div className="two-col">
            <Form.Item name="channel" label={t('petitions.channel')} rules={[{ required: true }]}>
              <Select options={options(petitionChannel)} data-testid="petition-channel" />
            </Form.Item>
            <Form.Item name="levelReceived" label={t('petitions.level')} rules={[{ required: true }]}>
              <Select options={options(govLevel)} data-testid="petition-level" />
            </Form.Item>
          </div>
          <Form.Item name="unitId" label={t('findings.unitPicker')} rules={[{ required: true }]}>
            <UnitPicker testId="petition-unit" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="category" label={t('common.category')} rules={[{ required: true }]}>
            <Select options={options(problemCategory)} data-testid="petition-category" />
          </Form.Item>
          <Form.Item
            name="matter"
            label={t('petitions.matter')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount data-testid="petition-matter" />
          </Form.Item>
          <Form.Item name="receivedAt" label={t('petitions.receivedAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="petition-received-at" />
          </Form.Item>
          {other ? <ErrorAlert error={other} onClose={() => setOther(null)} /> : null}
          <div className="row-gap">
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="petition-submit">
              {t('common.submit')}
            </Button>
            <Link to="/petitions">
              <Button>{t('common.cancel')}</Button>
            </Link>
          </div>
        </Form>
      </Card>
    </Page>
  );
}
