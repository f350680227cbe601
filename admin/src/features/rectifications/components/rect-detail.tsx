/** One rectification: state, deadline and days overdue, measures, progress, evidence, extensions, history. */

import { rectificationSourceKind } from '@jiandu/shared';
import type { RectificationView } from '@jiandu/shared/api';
import { Button, Card, Descriptions, Input, List, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { EvidenceFiles } from '../../../components/evidence-files.js';
import { RecordReminders } from '../../../components/reminders/record-reminders.js';
import { Amount } from '../../../components/ui/amount.js';
import { EventTimeline } from '../../../components/ui/event-timeline.js';
import { LightTag } from '../../../components/ui/light-tag.js';
import { Page } from '../../../components/ui/page.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { UploadStatus } from '../../../components/upload-status.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { type UploadProgress, uploadEvidence } from '../api/evidence.js';
import { useHeldRectVersion, useRect, useRectAction } from '../api/rectifications.js';
import { RectActions } from './rect-actions.js';
import { StateTag } from './state-tag.js';

function NoteAdder({ rect, kind }: { rect: RectificationView; kind: 'addMeasure' | 'addProgress' }) {
  const { t } = useI18n();
  const act = useRectAction(rect.id);
  const [text, setText] = useState('');
  if (!rect.allowedActions.includes(kind)) return null;
  const label = kind === 'addMeasure' ? t('rect.addMeasure') : t('rect.addProgress');
  return (
    <div className="note-adder">
      <Input.TextArea
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={4000}
        aria-label={label}
        data-testid={`${kind}-text`}
        status={act.error ? 'error' : undefined}
      />
      <Button
        onClick={() =>
          act.mutate(
            { action: { type: kind, text }, expectedVersion: rect.version },
            { onSuccess: () => setText('') },
          )
        }
        disabled={!text.trim()}
        loading={act.isPending}
        data-testid={`action-${kind}`}
      >
        {label}
      </Button>
      {act.error ? <ErrorAlert error={act.error} onClose={() => act.reset()} /> : null}
    </div>
  );
}

function EvidenceAdder({ rect }: { rect: RectificationView }) {
  const { t } = useI18n();
  const act = useRectAction(rect.id);
  const heldVersion = useHeldRectVersion(rect.id);
  const [progress, setProgress] = useState<UploadProgress | 'saving' | null>(null);
  if (!rect.allowedActions.includes('addEvidence')) return null;
  return (
    <div className="note-adder">
      {progress ? (
        <UploadStatus progress={progress} />
      ) : (
        <label className="file-label">
          {t('rect.addEvidence')}
          <input
            type="file"
            data-testid="evidence-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const input = e.target;
              setProgress({ phase: 'hashing' });
              try {
                const meta = await uploadEvidence(file, setProgress);
                setProgress('saving');
                await act.mutateAsync({
                  action: { type: 'addEvidence', ...meta },
                  // the upload took seconds: the version the page holds now, after any own step meanwhile
                  expectedVersion: heldVersion() ?? rect.version,
                });
              } catch {
                /* shown below */
              } finally {
                setProgress(null);
                input.value = '';
              }
            }}
          />
        </label>
      )}
      <span className="muted small">{t('rect.evidenceHint')}</span>
      {act.error ? <ErrorAlert error={act.error} onClose={() => act.reset()} /> : null}
    </div>
  );
}

export function RectDetail() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const q = useRect(id);
  const units = useUnits();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const r = q.data;
  // People by name (the answer carries the current names beside the ids it names), never by id.
  const who = (id: string | null | undefined) => (id ? (r.names[id] ?? t('rect.unknownUser')) : '—');
  const notes = (items: RectificationView['measures'], testId: string) => (
    <List
      size="small"
      data-testid={testId}
      dataSource={items}
      locale={{ emptyText: t('common.none') }}
      renderItem={(n) => (
        <List.Item>
          <div>
            <div>{n.text}</div>
            <div className="muted small">
              {fmtInstant(n.at)} · {who(n.by)}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
  return (
    <Page
      title={r.title}
      extra={
        <Link to="/rectifications">
          <Button>{t('common.back')}</Button>
        </Link>
      }
    >
      <Card data-testid="rect-detail" data-state={r.state} data-version={r.version}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'state', label: t('common.state'), children: <StateTag state={r.state} /> },
            {
              key: 'deadline',
              label: t('common.deadline'),
              children: (
                <span>
                  {r.deadline} <LightTag light={r.light} />
                  {r.daysOverdue > 0 ? (
                    <Tag color="red" data-testid="overdue-days">
                      {t('rect.overdue', { n: r.daysOverdue })}
                    </Tag>
                  ) : null}
                </span>
              ),
            },
            { key: 'unit', label: t('common.unit'), children: units.name(r.unitId) },
            {
              key: 'src',
              label: t('rect.source'),
              children:
                r.source.kind === 'finding' && r.source.id ? (
                  <Link to={`/findings/${r.source.id}`}>{label(rectificationSourceKind, r.source.kind)}</Link>
                ) : (
                  label(rectificationSourceKind, r.source.kind)
                ),
            },
            {
              key: 'amt',
              label: t('common.amount'),
              children: <Amount fen={r.amountFen} />,
            },
            { key: 'resp', label: t('rect.responsible'), children: r.responsiblePerson ?? '—' },
            { key: 'ver', label: t('common.version'), children: r.version },
            {
              key: 'rev',
              label: t('rect.submittedBy'),
              children: (
                <span data-testid="rect-people">
                  {`${who(r.submittedBy)} · ${t('rect.reviewers', {
                    first: who(r.firstReviewerId),
                    second: who(r.secondReviewerId),
                  })}`}
                </span>
              ),
            },
            ...(r.description
              ? [
                  {
                    key: 'desc',
                    label: t('common.description'),
                    children: r.description,
                    span: 'filled' as const,
                  },
                ]
              : []),
            ...(r.lastRejection
              ? [
                  {
                    key: 'rej',
                    label: t('rect.reject'),
                    children: t('rect.lastRejection', { reason: r.lastRejection.reason }),
                    span: 'filled' as const,
                  },
                ]
              : []),
          ]}
        />
        <RectActions rect={r} />
      </Card>
      <div className="detail-grid">
        <Card title={t('rect.measures')} size="small">
          {notes(r.measures, 'measures')}
          <NoteAdder rect={r} kind="addMeasure" />
        </Card>
        <Card title={t('rect.progress')} size="small">
          {notes(r.progress, 'progress')}
          <NoteAdder rect={r} kind="addProgress" />
        </Card>
        <Card title={t('rect.evidence')} size="small">
          <EvidenceFiles
            files={r.evidence}
            pathOf={(id) => `/rectifications/${encodeURIComponent(r.id)}/evidence/${encodeURIComponent(id)}`}
            who={who}
            testId="evidence"
          />
          <EvidenceAdder rect={r} />
        </Card>
        <Card title={`${t('rect.deadlines')} / ${t('rect.extensions')}`} size="small">
          <List
            size="small"
            data-testid="deadlines"
            dataSource={r.deadlines}
            renderItem={(d) => (
              <List.Item>
                {d.deadline}{' '}
                <span className="muted small">
                  · {fmtInstant(d.at)} · {d.reason ?? ''}
                </span>
              </List.Item>
            )}
          />
          <List
            size="small"
            data-testid="extensions"
            dataSource={r.extensions}
            locale={{ emptyText: t('common.none') }}
            renderItem={(x) => (
              <List.Item>
                <div>
                  {x.requestedDeadline} · {x.reason}{' '}
                  <Tag color={x.decision === 'approved' ? 'green' : x.decision === 'denied' ? 'red' : 'gold'}>
                    {t(
                      x.decision === 'approved'
                        ? 'rect.approved'
                        : x.decision === 'denied'
                          ? 'rect.denied'
                          : 'rect.pending',
                    )}
                  </Tag>
                  {x.decisionReason ? <span className="muted small"> {x.decisionReason}</span> : null}
                </div>
              </List.Item>
            )}
          />
        </Card>
      </div>
      <RecordReminders type="rectification" id={r.id} />
      <Card title={t('rect.timeline')} style={{ marginTop: 12 }}>
        <EventTimeline collection="rectifications" id={r.id} />
      </Card>
    </Page>
  );
}
