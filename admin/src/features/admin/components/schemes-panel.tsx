/**
 * Scheme versions: read any; a new version is edited from a copy of one as a form (every number in its
 * unit), a working calendar (休/班) and, for what the form does not cover, the JSON of the same draft; it
 * is previewed (what it changes: open rectifications' lights and steps, the last quarter's ranks) and saved
 * with a reason after confirmation — the existing POST, a new version, history kept.
 */
import { type Scheme, schemeSchema } from '@jiandu/shared';
import type { SchemePreview } from '@jiandu/shared/api';
import { App, Button, Card, Input, List, Table, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { LightTag } from '../../../components/ui/light-tag.js';
import { ReasonModal } from '../../../components/ui/reason-modal.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant, points, todayLocal } from '../../../lib/format.js';
import { usePreviewScheme, useSchemeVersion, useSchemeVersions, useStoreScheme } from '../api/admin.js';
import { SchemeCalendar } from './scheme-calendar.js';
import { editable, fieldLabel, SchemeForm } from './scheme-form.js';

export function SchemesPanel() {
  const { t } = useI18n();
  const versions = useSchemeVersions();
  const [picked, setPicked] = useState<number | undefined>();
  const latest = versions.data?.items[0]?.version;
  const shown = picked ?? latest;
  const scheme = useSchemeVersion(shown);
  const [draft, setDraft] = useState<Scheme | null>(null);
  if (versions.isLoading) return <Loading />;
  if (versions.error) return <ErrorState error={versions.error} onRetry={() => versions.refetch()} />;
  return (
    <div className="admin-split">
      <Card size="small" title={t('admin.schemes')}>
        <List
          size="small"
          data-testid="scheme-versions"
          dataSource={versions.data?.items ?? []}
          renderItem={(v) => (
            <List.Item
              className={v.version === shown ? 'mine' : undefined}
              actions={[
                <Button key="o" size="small" type="link" onClick={() => setPicked(v.version)}>
                  {t('common.open')}
                </Button>,
              ]}
            >
              <div>
                <div>
                  {t('admin.schemeVersion', { v: v.version })} · {v.name}
                </div>
                <div className="muted small">
                  {v.storedAt
                    ? t('admin.schemeStoredAt', { at: fmtInstant(v.storedAt), by: v.storedBy ?? '' })
                    : null}
                </div>
                {v.reason ? <div className="muted small">{v.reason}</div> : null}
              </div>
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title={shown ? t('admin.schemeVersion', { v: shown }) : ''}
        extra={
          scheme.data && draft === null ? (
            <Button
              onClick={() => setDraft(editable({ ...scheme.data, version: (latest ?? 0) + 1 }))}
              data-testid="scheme-copy"
            >
              {t('admin.schemeCopy')}
            </Button>
          ) : null
        }
      >
        {draft !== null ? (
          <SchemeEditor
            draft={draft}
            onChange={setDraft}
            onDone={(v) => {
              setDraft(null);
              if (v !== undefined) setPicked(v);
            }}
          />
        ) : scheme.isLoading ? (
          <Loading />
        ) : (
          <Input.TextArea
            readOnly
            value={JSON.stringify(scheme.data, null, 2)}
            rows={24}
            className="code"
            aria-label={shown ? t('admin.schemeVersion', { v: shown }) : t('admin.schemes')}
            data-testid="scheme-view"
          />
        )}
      </Card>
    </div>
  );
}

function SchemeEditor({
  draft,
  onChange,
  onDone,
}: {
  draft: Scheme;
  onChange: (s: Scheme) => void;
  onDone: (savedVersion?: number) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // The core's schema checks the draft as it is edited; the API checks it again.
  const check = useMemo(() => schemeSchema.safeParse(draft), [draft]);
  const issues = check.success ? [] : check.error.issues;
  const [json, setJson] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const preview = usePreviewScheme();
  const [previewed, setPreviewed] = useState<SchemePreview | null>(null);
  const store = useStoreScheme();
  const thisYear = Number(todayLocal().slice(0, 4));
  const applyJson = () => {
    if (json === null) return;
    try {
      onChange(JSON.parse(json) as Scheme);
      setJson(null);
      setJsonError(null);
    } catch (e) {
      setJsonError(t('admin.schemeJsonInvalid', { message: (e as Error).message }));
    }
  };
  const askPreview = () =>
    preview.mutate(check.success ? check.data : draft, { onSuccess: (p) => setPreviewed(p) });
  return (
    <>
      <Tabs
        data-testid="scheme-tabs"
        onChange={(k) => {
          if (k === 'json') setJson(JSON.stringify(draft, null, 2));
        }}
        items={[
          {
            key: 'form',
            label: t('scheme.tab.form'),
            children: <SchemeForm draft={draft} onChange={onChange} issues={issues} />,
          },
          {
            key: 'calendar',
            label: t('scheme.tab.calendar'),
            children: (
              <SchemeCalendar
                calendar={draft.calendar}
                thisYear={thisYear}
                onChange={(calendar) => onChange({ ...draft, calendar })}
              />
            ),
          },
          {
            key: 'json',
            label: t('scheme.tab.json'),
            children: (
              <>
                <p className="muted">{t('scheme.jsonHint')}</p>
                <Input.TextArea
                  value={json ?? JSON.stringify(draft, null, 2)}
                  onChange={(e) => setJson(e.target.value)}
                  rows={20}
                  className="code"
                  aria-label={t('scheme.tab.json')}
                  data-testid="scheme-json"
                />
                {jsonError ? (
                  <p className="error-text" role="alert">
                    {jsonError}
                  </p>
                ) : null}
                <Button onClick={applyJson} disabled={json === null} data-testid="scheme-json-apply">
                  {t('scheme.jsonApply')}
                </Button>
              </>
            ),
          },
        ]}
      />
      {issues.length ? (
        <div className="error-text" role="alert" data-testid="scheme-errors">
          {t('scheme.errors', { n: issues.length })}
          <span className="muted small"> ({issues.map((i) => fieldLabel(t, i.path)).join('、')})</span>
        </div>
      ) : null}
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
      <div className="row-gap">
        <Button
          type="primary"
          onClick={askPreview}
          disabled={!check.success}
          loading={preview.isPending}
          data-testid="scheme-preview"
        >
          {t('scheme.preview')}
        </Button>
        <Button onClick={() => onDone()}>{t('common.cancel')}</Button>
      </div>
      <ReasonModal
        open={previewed !== null}
        title={
          previewed
            ? t('scheme.previewTitle', { from: previewed.currentVersion, to: previewed.proposedVersion })
            : ''
        }
        label={t('scheme.reason')}
        testId="scheme-confirm"
        onCancel={() => setPreviewed(null)}
        onSubmit={({ reason }) =>
          store.mutateAsync(
            { scheme: draft, reason: reason.trim() },
            {
              onSuccess: (s) => {
                message.success(t('scheme.savedAsVersion', { v: s.version }));
                setPreviewed(null);
                onDone(s.version);
              },
            },
          )
        }
      >
        {previewed ? <PreviewBody p={previewed} /> : null}
        {store.error ? <ErrorAlert error={store.error} /> : null}
      </ReasonModal>
    </>
  );
}

function PreviewBody({ p }: { p: SchemePreview }) {
  const { t, lang } = useI18n();
  const level = (l: string | null) => t(`scheme.level.${l ?? 'none'}` as 'scheme.level.none');
  const card = (c: boolean) => (c ? t('scheme.card.yes') : t('scheme.card.no'));
  const arrow = (a: string | number | null, b: string | number | null) => `${a ?? '—'} → ${b ?? '—'}`;
  return (
    <div data-testid="scheme-preview-body" className="scheme-preview">
      <p data-testid="preview-rects">
        {t('scheme.previewRects', { open: p.rectifications.open, changed: p.rectifications.changed })}
      </p>
      {p.rectifications.sample.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={p.rectifications.sample}
          columns={[
            { title: t('scheme.col.title'), dataIndex: 'title' },
            { title: t('scheme.col.unit'), dataIndex: 'unitName' },
            { title: t('scheme.col.deadline'), dataIndex: 'deadline' },
            {
              title: t('scheme.col.light'),
              key: 'light',
              render: (_, r) => (
                <span className="row-gap">
                  <LightTag light={r.lightBefore} /> → <LightTag light={r.lightAfter} />
                </span>
              ),
            },
            {
              title: t('scheme.col.level'),
              key: 'level',
              render: (_, r) => arrow(level(r.overdueLevelBefore), level(r.overdueLevelAfter)),
            },
          ]}
        />
      ) : null}
      <p>
        {t('scheme.previewScores', {
          quarter: p.scores.quarter,
          source: t(`scheme.source.${p.scores.source}`),
        })}
      </p>
      {p.scores.groups.length === 0 ? <p className="muted">{t('scheme.previewNoScores')}</p> : null}
      {p.scores.groups.map((g) => {
        const name = lang === 'en' ? g.labelEn : g.label;
        if (g.changed.length === 0)
          return (
            <p key={g.groupKey} className="muted">
              {t('scheme.previewGroupNone', { group: name, parent: g.parentUnitName })}
            </p>
          );
        return (
          <div key={g.groupKey} data-testid={`preview-group-${g.groupKey}`}>
            <h4>
              {name}（{g.parentUnitName}）
            </h4>
            <Table
              size="small"
              rowKey="unitId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={g.changed}
              columns={[
                { title: t('scheme.col.unit'), dataIndex: 'unitName' },
                {
                  title: t('scheme.col.total'),
                  key: 'total',
                  render: (_, r) =>
                    arrow(
                      r.totalBefore === null ? null : points(r.totalBefore),
                      r.totalAfter === null ? null : points(r.totalAfter),
                    ),
                },
                {
                  title: t('scheme.col.rank'),
                  key: 'rank',
                  render: (_, r) => arrow(r.rankBefore, r.rankAfter),
                },
                {
                  title: t('scheme.col.card'),
                  key: 'card',
                  render: (_, r) => arrow(card(r.cardedBefore), card(r.cardedAfter)),
                },
              ]}
            />
          </div>
        );
      })}
    </div>
  );
}
