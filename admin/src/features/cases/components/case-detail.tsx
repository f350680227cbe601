/** One case: trigger and evidence, subjects with their days in post, and the inspector's steps. */

import { accountabilityForm, caseState, postKind } from '@jiandu/shared';
import type { CaseView } from '@jiandu/shared/api';
import { Button, Card, Descriptions, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { RecordReminders } from '../../../components/reminders/record-reminders.js';
import { EventTimeline } from '../../../components/ui/event-timeline.js';
import { Page } from '../../../components/ui/page.js';
import { ReasonModal } from '../../../components/ui/reason-modal.js';
import { ScrollRegion } from '../../../components/ui/scroll-region.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { StepOutcome, useStepRunner } from '../../../components/ui/step-runner.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { type CaseStep, useCase, useCaseStep } from '../api/cases.js';
import { TriggerText } from './trigger.js';

export function CaseDetail() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const q = useCase(id);
  const step = useCaseStep(id);
  const units = useUnits();
  const [dialog, setDialog] = useState<'decide' | 'dismiss' | null>(null);
  const [decideForm] = Form.useForm();
  const runner = useStepRunner<CaseStep>({
    version: q.data?.version ?? 0,
    send: (s, expectedVersion) => step.mutateAsync({ s, expectedVersion }),
    onSettled: () => setDialog(null),
  });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const c = q.data;
  const allowed = new Set(c.allowedActions);
  const { run, quiet, failed } = runner;
  const quarters = [...new Set(c.subjects.flatMap((s) => Object.keys(s.daysInPost)))].sort();
  return (
    <Page
      title={`${t('cases.title')} · ${units.name(c.trigger.unitId)}`}
      extra={
        <Link to="/cases">
          <Button>{t('common.back')}</Button>
        </Link>
      }
    >
      <Card data-testid="case-detail" data-state={c.state}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'state',
              label: t('common.state'),
              children: <Tag data-testid="case-state">{label(caseState, c.state)}</Tag>,
            },
            { key: 'at', label: t('cases.proposedAt'), children: fmtInstant(c.proposedAt) },
            {
              key: 'trigger',
              label: t('cases.trigger'),
              children: <TriggerText trigger={c.trigger} withLinks />,
              span: 'filled' as const,
            },
            ...(c.form
              ? [{ key: 'form', label: t('cases.form'), children: label(accountabilityForm, c.form) }]
              : []),
            ...(c.decisionNote
              ? [{ key: 'note', label: t('cases.decisionNote'), children: c.decisionNote }]
              : []),
            ...(c.dismissReason
              ? [{ key: 'dis', label: t('cases.dismissReason'), children: c.dismissReason }]
              : []),
          ]}
        />
        <div className="row-gap" data-testid="case-actions">
          {allowed.has('review') ? (
            <Button type="primary" onClick={() => quiet({ step: 'review' })} data-testid="action-review">
              {t('cases.review')}
            </Button>
          ) : null}
          {allowed.has('decide') ? (
            <Button type="primary" onClick={() => setDialog('decide')} data-testid="action-decide">
              {t('cases.decide')}
            </Button>
          ) : null}
          {allowed.has('dismiss') ? (
            <Button danger onClick={() => setDialog('dismiss')} data-testid="action-dismiss">
              {t('cases.dismiss')}
            </Button>
          ) : null}
          {allowed.has('close') ? (
            <Button onClick={() => quiet({ step: 'close' })} data-testid="action-close">
              {t('cases.close')}
            </Button>
          ) : null}
        </div>
        <StepOutcome<CaseStep, CaseView>
          runner={runner}
          stepName={(s) => s.step}
          dialogOpen={dialog !== null}
          renderCurrent={(cur) => (
            <span>
              {label(caseState, cur.state)} · {t('common.version')} {cur.version}
            </span>
          )}
          onDiscard={() => void q.refetch()}
        />
      </Card>
      <Card title={t('cases.subjects')} style={{ marginTop: 12 }}>
        <ScrollRegion label={t('cases.subjects')}>
          <Table
            className="nowrap-table"
            data-testid="case-subjects"
            size="small"
            pagination={false}
            rowKey={(s) => `${s.personId}:${s.post}:${s.unitId}`}
            dataSource={c.subjects}
            columns={[
              {
                key: 'p',
                title: t('cases.person'),
                render: (_, s) => <span title={s.personId}>{s.personName ?? s.personId}</span>,
              },
              { key: 'u', title: t('common.unit'), render: (_, s) => units.name(s.unitId) },
              { key: 'post', title: t('cases.post'), render: (_, s) => label(postKind, s.post) },
              ...quarters.map((qk) => ({
                key: qk,
                title: `${t('cases.daysInPost')} ${qk}`,
                render: (_: unknown, s: CaseView['subjects'][number]) => s.daysInPost[qk] ?? 0,
              })),
            ]}
          />
        </ScrollRegion>
      </Card>
      <RecordReminders type="case" id={c.id} />
      <Card title={t('common.history')} style={{ marginTop: 12 }}>
        <EventTimeline collection="cases" id={c.id} />
      </Card>
      <ReasonModal
        open={dialog === 'dismiss'}
        title={t('cases.dismiss')}
        label={t('cases.dismissReason')}
        testId="dismiss-modal"
        onCancel={() => setDialog(null)}
        onSubmit={(v) => run({ step: 'dismiss', reason: v.reason })}
      />
      <Modal
        open={dialog === 'decide'}
        title={t('cases.decide')}
        onCancel={() => setDialog(null)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'decide-ok' } as never}
        onOk={async () => {
          const v = await decideForm.validateFields();
          await run({ step: 'decide', form: v.form, ...(v.note ? { note: v.note } : {}) }).catch(
            () => undefined,
          );
        }}
      >
        <Form form={decideForm} layout="vertical" preserve={false}>
          <Form.Item name="form" label={t('cases.form')} rules={[{ required: true }]}>
            <Select
              options={accountabilityForm.codes.map((f) => ({
                value: f,
                label: label(accountabilityForm, f),
              }))}
              data-testid="decide-form"
            />
          </Form.Item>
          <Form.Item name="note" label={t('cases.decisionNote')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          {failed && dialog === 'decide' ? <ErrorAlert error={failed.error} /> : null}
        </Form>
      </Modal>
    </Page>
  );
}
