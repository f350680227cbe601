/**
 * Log a finding: a form an inspector fills on a phone in the field. The unit picker finds units by name or
 * alias; the amount is typed in 万元 (as every ledger speaks), shown in 元 beside it, and sent in fen; offline, the draft is kept and sent later with its key.
 */
import {
  type EvidenceFile,
  type FindingInput,
  findingInputSchema,
  findingSeverity,
  findingSource,
  problemCategory,
} from '@jiandu/shared';
import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../../components/ui/page.js';
import { applyServerErrors, ErrorAlert } from '../../../components/ui/server-errors.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { useI18n } from '../../../i18n/index.js';
import { ApiError } from '../../../lib/api-client.js';
import { fenToYuan, todayLocal, wanToFen } from '../../../lib/format.js';
import { newIdempotencyKey } from '../../../lib/outbox.js';
import { issueFields } from '../../../lib/schema-issues.js';
import { useCreateFinding } from '../api/create-finding.js';
import { FindingPhotos } from './finding-photos.js';

interface Values {
  unitId: string;
  category: string;
  severity: string;
  source: string;
  description: string;
  amountWan?: string;
  discoveredOn: string;
  deadline?: string;
  photos?: EvidenceFile[];
}

export function FindingForm() {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // One Idempotency-Key per draft: a double tap, a retry or the offline outbox can never log it twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const [queued, setQueued] = useState(false);
  const create = useCreateFinding();
  const [otherError, setOtherError] = useState<unknown>(null);
  const amountFen = wanToFen(Form.useWatch('amountWan', form));
  const options = (e: { codes: readonly string[]; labels: Record<string, { zh: string; en: string }> }) =>
    e.codes.map((c) => ({ value: c, label: label(e, c) }));

  const onFinish = (v: Values) => {
    setOtherError(null);
    const body: FindingInput = {
      unitId: v.unitId,
      category: v.category as FindingInput['category'],
      severity: v.severity as FindingInput['severity'],
      source: v.source as FindingInput['source'],
      description: v.description,
      amountFen: wanToFen(v.amountWan) ?? 0,
      discoveredOn: v.discoveredOn,
      ...(v.deadline ? { deadline: v.deadline } : {}),
      ...(v.photos?.length ? { photos: v.photos } : {}),
    };
    // The core's schema checks the draft before it is sent or kept.
    const parsed = findingInputSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(
        issueFields(t, parsed.error.issues, (n) => (n[0] === 'amountFen' ? ['amountWan'] : n)) as never,
      );
      return;
    }
    create.mutate(
      { body, key },
      {
        onSuccess: (r) => {
          if (r.kind === 'created') {
            message.success(t('findings.created'));
            navigate(`/findings/${r.finding.id}`);
          } else {
            setQueued(true);
            form.resetFields();
            form.setFieldValue('discoveredOn', todayLocal());
            setKey(newIdempotencyKey());
          }
        },
        onError: (e) => {
          const translated = fieldErrorsForForm(e);
          if (!applyServerErrors(form, translated)) setOtherError(e);
        },
      },
    );
  };

  return (
    <Page title={t('findings.newTitle')}>
      <Card className="form-card">
        {queued ? (
          <Alert
            type="success"
            showIcon
            className="banner"
            title={t('findings.queued')}
            data-testid="finding-queued"
            closable={{ onClose: () => setQueued(false) }}
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ discoveredOn: todayLocal(), source: 'inspection', severity: 'general' }}
          data-testid="finding-form"
          scrollToFirstError
        >
          <Form.Item
            name="unitId"
            label={t('findings.unitPicker')}
            rules={[{ required: true, message: t('findings.required') }]}
          >
            <UnitPicker testId="finding-unit" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('common.category')}
            rules={[{ required: true, message: t('findings.required') }]}
          >
            <Select
              options={options(problemCategory)}
              data-testid="finding-category"
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <div className="two-col">
            <Form.Item name="severity" label={t('common.severity')} rules={[{ required: true }]}>
              <Select options={options(findingSeverity)} data-testid="finding-severity" />
            </Form.Item>
            <Form.Item name="source" label={t('common.source')} rules={[{ required: true }]}>
              <Select options={options(findingSource)} data-testid="finding-source" />
            </Form.Item>
          </div>
          <Form.Item
            name="description"
            label={t('common.description')}
            rules={[{ required: true, whitespace: true, message: t('findings.required') }]}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount data-testid="finding-description" />
          </Form.Item>
          <div className="two-col">
            <Form.Item
              name="amountWan"
              label={`${t('common.amount')}（${t('common.wan')}）`}
              extra={
                amountFen ? (
                  <span data-testid="finding-amount-yuan">
                    {t('findings.amountInYuan', { yuan: fenToYuan(amountFen) })}
                  </span>
                ) : (
                  t('findings.amountHint')
                )
              }
              rules={[
                {
                  validator: async (_, v) => {
                    if (wanToFen(v) === null) throw new Error(t('findings.amountInvalid'));
                  },
                },
              ]}
            >
              <Input inputMode="decimal" placeholder="0" data-testid="finding-amount" />
            </Form.Item>
            <Form.Item
              name="discoveredOn"
              label={t('findings.discoveredOn')}
              rules={[{ required: true, message: t('findings.required') }]}
            >
              <Input type="date" data-testid="finding-date" />
            </Form.Item>
          </div>
          <Form.Item name="deadline" label={t('common.deadline')} extra={t('findings.deadlineHint')}>
            <Input type="date" data-testid="finding-deadline" />
          </Form.Item>
          <Form.Item name="photos" label={t('findings.photos')} extra={t('findings.photosHint')}>
            <FindingPhotos />
          </Form.Item>
          {otherError ? <ErrorAlert error={otherError} onClose={() => setOtherError(null)} /> : null}
          <div className="row-gap">
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="finding-submit">
              {t('common.submit')}
            </Button>
            <Link to="/findings">
              <Button>{t('common.cancel')}</Button>
            </Link>
          </div>
        </Form>
      </Card>
    </Page>
  );
}

/** The server names `amountFen`; the form's field is `amountWan`. */
function fieldErrorsForForm(e: unknown): unknown {
  if (e instanceof ApiError)
    for (const f of e.fieldErrors) if (f.field === 'amountFen') f.field = 'amountWan';
  return e;
}
