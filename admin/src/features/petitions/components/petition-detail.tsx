/** One petition: masked identity (revealed with a logged reason), SLA clocks, the workflow, history. */

import { govLevel, petitionChannel, petitionState, problemCategory, satisfaction } from '@jiandu/shared';
import type { PetitionView } from '@jiandu/shared/api';
import { Button, Card, Descriptions, Form, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { RecordReminders } from '../../../components/reminders/record-reminders.js';
import { EventTimeline } from '../../../components/ui/event-timeline.js';
import { Page } from '../../../components/ui/page.js';
import { ReasonModal } from '../../../components/ui/reason-modal.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { StepOutcome, useStepRunner } from '../../../components/ui/step-runner.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useCan } from '../../../lib/use-can.js';
import { type PetitionStep, usePetition, usePetitionStep, useReveal } from '../api/petitions.js';
import { PetitionBadges, SlaBadge } from './sla.js';

type Dialog = 'reveal' | 'not-accept' | 'extend' | 'close' | null;

export function PetitionDetail() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const q = usePetition(id);
  const step = usePetitionStep(id);
  const reveal = useReveal(id);
  const units = useUnits();
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = useCan();
  const runner = useStepRunner<PetitionStep>({
    version: q.data?.version ?? 0,
    send: (s, expectedVersion) => step.mutateAsync({ s, expectedVersion }),
    onSettled: () => setDialog(null),
  });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const p = q.data;
  const supervisor = can('petition.handle');
  const { run, quiet } = runner;
  const identity = reveal.data?.petitioner ?? p.petitioner;
  return (
    <Page
      title={`${t('petitions.title')} · ${units.name(p.unitId)}`}
      extra={
        <Link to="/petitions">
          <Button>{t('common.back')}</Button>
        </Link>
      }
    >
      <Card data-testid="petition-detail" data-state={p.state}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'state',
              label: t('common.state'),
              children: <span data-testid="petition-state">{label(petitionState, p.state)}</span>,
            },
            {
              key: 'who',
              label: reveal.data ? t('petitions.revealed') : t('petitions.petitioner'),
              children: (
                <span data-testid="petitioner">
                  {identity.name}
                  {identity.phone ? ` · ${identity.phone}` : ''}
                  {identity.idNumber ? ` · ${identity.idNumber}` : ''}
                </span>
              ),
            },
            {
              key: 'sla',
              label: t('petitions.sla'),
              children: (
                <>
                  <SlaBadge clock={p.sla.accept} label={t('petitions.slaAccept')} />
                  {p.sla.handle ? <SlaBadge clock={p.sla.handle} label={t('petitions.slaHandle')} /> : null}
                  <PetitionBadges p={p} />
                </>
              ),
            },
            { key: 'ch', label: t('petitions.channel'), children: label(petitionChannel, p.channel) },
            { key: 'lvl', label: t('petitions.level'), children: label(govLevel, p.levelReceived) },
            { key: 'cat', label: t('common.category'), children: label(problemCategory, p.category) },
            { key: 'at', label: t('petitions.receivedAt'), children: fmtInstant(p.receivedAt) },
            ...(p.repeatOf
              ? [
                  {
                    key: 'rep',
                    label: t('petitions.repeatOf'),
                    children: <Link to={`/petitions/${p.repeatOf}`}>{p.repeatOf}</Link>,
                  },
                ]
              : []),
            ...(p.notAcceptedReason
              ? [{ key: 'na', label: t('petitions.notAcceptedReason'), children: p.notAcceptedReason }]
              : []),
            ...(p.satisfaction
              ? [
                  {
                    key: 'sat',
                    label: t('petitions.satisfaction'),
                    children: label(satisfaction, p.satisfaction),
                  },
                ]
              : []),
            { key: 'matter', label: t('petitions.matter'), children: p.matter, span: 'filled' as const },
          ]}
        />
        {supervisor ? (
          <div className="row-gap" data-testid="petition-actions">
            {!reveal.data ? (
              <Button onClick={() => setDialog('reveal')} data-testid="action-reveal">
                {t('petitions.reveal')}
              </Button>
            ) : null}
            {p.state === 'received' ? (
              <>
                <Button type="primary" onClick={() => quiet({ step: 'accept' })} data-testid="action-accept">
                  {t('petitions.accept')}
                </Button>
                <Button danger onClick={() => setDialog('not-accept')} data-testid="action-not-accept">
                  {t('petitions.notAccept')}
                </Button>
              </>
            ) : null}
            {p.state === 'accepted' ? (
              <>
                <Button type="primary" onClick={() => quiet({ step: 'handle' })} data-testid="action-handle">
                  {t('petitions.handle')}
                </Button>
                {p.extensionDays === 0 ? (
                  <Button onClick={() => setDialog('extend')} data-testid="action-extend">
                    {t('petitions.extend')}
                  </Button>
                ) : null}
              </>
            ) : null}
            {p.state === 'handled' ? (
              <Button type="primary" onClick={() => setDialog('close')} data-testid="action-close">
                {t('petitions.close')}
              </Button>
            ) : null}
          </div>
        ) : null}
        <StepOutcome<PetitionStep, PetitionView>
          runner={runner}
          stepName={(s) => s.step}
          dialogOpen={dialog !== null}
          renderCurrent={(cur) => (
            <span>
              {label(petitionState, cur.state)} · {t('common.version')} {cur.version}
            </span>
          )}
          onDiscard={() => void q.refetch()}
        />
      </Card>
      <RecordReminders type="petition" id={p.id} />
      <Card title={t('common.history')} style={{ marginTop: 12 }}>
        <EventTimeline collection="petitions" id={p.id} />
      </Card>
      <ReasonModal
        open={dialog === 'reveal'}
        title={t('petitions.revealTitle')}
        label={t('petitions.revealReason')}
        testId="reveal-modal"
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          await reveal.mutateAsync(v.reason);
          setDialog(null);
        }}
      />
      <ReasonModal
        open={dialog === 'not-accept'}
        title={t('petitions.notAccept')}
        testId="not-accept-modal"
        onCancel={() => setDialog(null)}
        onSubmit={(v) => run({ step: 'not-accept', reason: v.reason })}
      />
      <ReasonModal
        open={dialog === 'extend'}
        title={t('petitions.extend')}
        withReason={false}
        testId="extend-modal"
        onCancel={() => setDialog(null)}
        onSubmit={(v) => run({ step: 'extend', days: Number(v.days) })}
      >
        <Form.Item
          name="days"
          label={t('petitions.extendDays')}
          rules={[{ required: true }]}
          initialValue={30}
        >
          <InputNumber min={1} max={30} data-testid="extend-days" />
        </Form.Item>
      </ReasonModal>
      <ReasonModal
        open={dialog === 'close'}
        title={t('petitions.close')}
        withReason={false}
        testId="close-modal"
        onCancel={() => setDialog(null)}
        onSubmit={(v) => run({ step: 'close', satisfaction: (v.satisfaction as 'satisfied') ?? null })}
      >
        <Form.Item name="satisfaction" label={t('petitions.satisfaction')} rules={[{ required: true }]}>
          <Select
            options={satisfaction.codes.map((c) => ({ value: c, label: label(satisfaction, c) }))}
            data-testid="close-satisfaction"
          />
        </Form.Item>
      </ReasonModal>
    </Page>
  );
}
