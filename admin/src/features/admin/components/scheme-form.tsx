/**
 * The scheme as a form: every number of DESIGN §4 in its unit (weights in %, deductions in 分, money in
 * 万元, days), validated inline by the core's own schemeSchema — the same check the API makes. The draft is
 * one Scheme object; the calendar and the JSON tab edit the same draft.
 */
import { LIGHTS_DEFAULT, LIVE_LOOKBACK_DEFAULT, type Scheme } from '@jiandu/shared';
import { Button, Card, Input, InputNumber, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { type MessageKey, useI18n } from '../../../i18n/index.js';
import { issueMessage } from '../../../lib/schema-issues.js';

export interface SchemeIssue {
  code: string;
  path: PropertyKey[];
  input?: unknown;
}

type Path = (string | number)[];
type Unit =
  | 'none'
  | 'pct'
  | 'pts'
  | 'days'
  | 'wdays'
  | 'times'
  | 'levels'
  | 'units'
  | 'quarters'
  | 'wan'
  | 'sec'
  | 'day';
/** How many stored units make one shown unit: hundredths of a point per %/分, fen per 万元. */
const SCALE: Partial<Record<Unit, number>> = { pct: 100, pts: 100, wan: 1_000_000 };

const getAt = (o: unknown, path: Path): unknown =>
  path.reduce<unknown>((x, k) => (x == null ? undefined : (x as Record<string | number, unknown>)[k]), o);

/** A copy of `o` with `value` at `path` (objects along the path copied, never mutated). */
export function setAt<T>(o: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [k, ...rest] = path as [string | number, ...Path];
  const base = (Array.isArray(o) ? [...o] : { ...(o as object) }) as Record<string | number, unknown>;
  base[k] = setAt(base[k], rest, value);
  return base as T;
}

/**
 * The draft the form edits: the optional blocks a reader would default (lights, the look-back) filled with
 * those defaults, so each has a field. Choice: saving them explicitly changes no behaviour.
 */
export function editable(s: Scheme): Scheme {
  return {
    ...s,
    lights: s.lights ?? { ...LIGHTS_DEFAULT, caseDecide: { ...LIGHTS_DEFAULT.caseDecide } },
    migration: {
      ...s.migration,
      liveLookbackDays: s.migration.liveLookbackDays ?? { ...LIVE_LOOKBACK_DEFAULT },
    },
  };
}

export const pathKey = (p: PropertyKey[]) => p.map(String).join('.');

/**
 * What the user reads for a path of the scheme: the field's label, else its section's (a rule over a
 * whole block, e.g. the weights' sum), else the path itself (a part only the JSON tab edits).
 */
export function fieldLabel(t: (k: MessageKey) => string, path: PropertyKey[]): string {
  for (const k of [`scheme.f.${pathKey(path)}`, `scheme.sec.${String(path[0])}`] as MessageKey[]) {
    const label = t(k);
    if (label !== k) return label;
  }
  return pathKey(path);
}

interface Props {
  draft: Scheme;
  onChange: (s: Scheme) => void;
  issues: SchemeIssue[];
}

export function SchemeForm({ draft, onChange, issues }: Props) {
  const { t } = useI18n();
  const errorAt = (path: Path): string | undefined => {
    const i = issues.find((x) => pathKey(x.path) === pathKey(path));
    return i ? issueMessage(t, i) : undefined;
  };
  const set = (path: Path, v: unknown) => onChange(setAt(draft, path, v));
  const label = (path: Path) => t(`scheme.f.${path.join('.')}` as MessageKey);

  const field = (path: Path, children: ReactNode, error?: string) => {
    const id = `scheme-${path.join('-')}`;
    const err = error ?? errorAt(path);
    return (
      <div key={id} className={`scheme-field${err ? ' has-error' : ''}`}>
        <label htmlFor={id}>{label(path)}</label>
        <div>{children}</div>
        {err ? (
          <div className="error-text" role="alert" data-testid={`error-${path.join('.')}`}>
            {err}
          </div>
        ) : null}
      </div>
    );
  };

  const num = (path: Path, unit: Unit, max?: number) => {
    const scale = SCALE[unit] ?? 1;
    const raw = getAt(draft, path);
    const id = `scheme-${path.join('-')}`;
    return field(
      path,
      <InputNumber
        id={id}
        value={typeof raw === 'number' ? raw / scale : null}
        min={0}
        {...(max === undefined ? {} : { max })}
        step={unit === 'pts' ? 0.5 : 1}
        addonAfter={unit === 'none' ? undefined : t(`scheme.unit.${unit}`)}
        status={errorAt(path) ? 'error' : undefined}
        data-testid={`f-${path.join('.')}`}
        // An emptied field stays empty in the draft (undefined): the schema names it.
        onChange={(v) => set(path, typeof v === 'number' ? Math.round(v * scale) : undefined)}
      />,
    );
  };

  const rule = (path: Path) => {
    const r = getAt(draft, path) as { days: number; count: string; rollOffNonWorking: boolean };
    const id = `scheme-${path.join('-')}`;
    return field(
      path,
      <div className="row-gap">
        <InputNumber
          id={id}
          value={r.days}
          min={0}
          max={3650}
          addonAfter={t('scheme.unit.days')}
          onChange={(v) => set([...path, 'days'], typeof v === 'number' ? v : undefined)}
        />
        <Select
          aria-label={`${label(path)} · ${t('scheme.count.calendar')}/${t('scheme.count.working')}`}
          value={r.count}
          style={{ minWidth: 110 }}
          options={[
            { value: 'calendar', label: t('scheme.count.calendar') },
            { value: 'working', label: t('scheme.count.working') },
          ]}
          onChange={(v) => set([...path, 'count'], v)}
        />
        <span className="row-gap">
          <Switch
            aria-label={`${label(path)} · ${t('scheme.rollOff')}`}
            checked={r.rollOffNonWorking}
            onChange={(v) => set([...path, 'rollOffNonWorking'], v)}
          />
          <span>{t('scheme.rollOff')}</span>
        </span>
      </div>,
      errorAt([...path, 'days']),
    );
  };

  const w = draft.weights;
  const sum =
    (w.task ?? 0) + (w.rectification ?? 0) + (w.findings ?? 0) + (w.petitions ?? 0) + (w.opinion ?? 0);
  const weightsError = issues.some((i) => pathKey(i.path) === 'weights');
  const ladder = draft.escalation?.rectification;
  const notice = draft.publishing.noticePeriod;

  return (
    <div className="scheme-form" data-testid="scheme-form">
      <Card size="small" title={t('scheme.sec.basic')}>
        {field(
          ['name'],
          <Input id="scheme-name" value={draft.name} onChange={(e) => set(['name'], e.target.value)} />,
        )}
        {num(['version'], 'none')}
        {field(
          ['timeZone'],
          <Input
            id="scheme-timeZone"
            value={draft.timeZone}
            onChange={(e) => set(['timeZone'], e.target.value)}
          />,
        )}
      </Card>
      <Card size="small" title={t('scheme.sec.weights')}>
        {(['task', 'rectification', 'findings', 'petitions', 'opinion'] as const).map((k) =>
          num(['weights', k], 'pct', 100),
        )}
        <div
          className={weightsError ? 'error-text' : 'muted'}
          role={weightsError ? 'alert' : undefined}
          data-testid="weights-sum"
        >
          {t('scheme.weightsSum', { sum: sum / 100 })}
        </div>
      </Card>
      <Card size="small" title={t('scheme.sec.deductions')}>
        {num(['deductions', 'rectificationOpenOverdue'], 'pts')}
        {(['general', 'serious', 'grave'] as const).map((k) => num(['deductions', 'finding', k], 'pts'))}
        {(['received', 'repeated', 'escalated'] as const).map((k) =>
          num(['deductions', 'petition', k], 'pts'),
        )}
        {(['notable', 'major'] as const).map((k) => num(['deductions', 'opinion', k], 'pts'))}
      </Card>
      <Card size="small" title={t('scheme.sec.rectification')}>
        {rule(['rectification', 'defaultDeadline'])}
        {num(['rectification', 'overdueAlertDays'], 'days')}
        {num(['rectification', 'overdueEscalateDays'], 'days')}
        {num(['rectification', 'overdueAccountabilityDays'], 'days')}
      </Card>
      <Card size="small" title={t('scheme.sec.escalation')}>
        {!ladder || ladder.length === 0 ? <p className="muted">{t('scheme.ladder.none')}</p> : null}
        {(ladder ?? []).map((step, i) => {
          const after = 'afterDeadlineDays' in step.at;
          const at = ['escalation', 'rectification', i, 'at'];
          const err = issues.find((x) => pathKey(x.path).startsWith(`escalation.rectification.${i}`));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a step is edited in place (its id may be half typed)
            <div key={i} className="row-gap scheme-step">
              <Input
                aria-label={`${t('scheme.ladder.id')} ${i + 1}`}
                value={step.id}
                style={{ width: 110 }}
                onChange={(e) => set(['escalation', 'rectification', i, 'id'], e.target.value)}
              />
              <Select
                aria-label={`${t('scheme.ladder.after')}/${t('scheme.ladder.percent')} ${i + 1}`}
                value={after ? 'after' : 'percent'}
                style={{ minWidth: 120 }}
                options={[
                  { value: 'after', label: t('scheme.ladder.after') },
                  { value: 'percent', label: t('scheme.ladder.percent') },
                ]}
                onChange={(v) => set(at, v === 'after' ? { afterDeadlineDays: 1 } : { percentOfLimit: 80 })}
              />
              <InputNumber
                aria-label={`${after ? t('scheme.ladder.after') : t('scheme.ladder.percent')} ${i + 1}`}
                value={'afterDeadlineDays' in step.at ? step.at.afterDeadlineDays : step.at.percentOfLimit}
                min={1}
                addonAfter={after ? t('scheme.unit.days') : '%'}
                onChange={(v) =>
                  set(
                    [...at, after ? 'afterDeadlineDays' : 'percentOfLimit'],
                    typeof v === 'number' ? v : undefined,
                  )
                }
              />
              <Select
                aria-label={`${t('scheme.ladder.action')} ${i + 1}`}
                value={step.action}
                style={{ minWidth: 140 }}
                options={(['remind_leaders', 'alert_unit', 'alert_parent', 'propose_case'] as const).map(
                  (a) => ({
                    value: a,
                    label: t(`scheme.action.${a}`),
                  }),
                )}
                onChange={(v) => set(['escalation', 'rectification', i, 'action'], v)}
              />
              <Button
                size="small"
                onClick={() =>
                  set(
                    ['escalation', 'rectification'],
                    (ladder ?? []).filter((_, j) => j !== i),
                  )
                }
              >
                {t('scheme.ladder.remove')}
              </Button>
              {err ? (
                <span className="error-text" role="alert">
                  {issueMessage(t, err)}
                </span>
              ) : null}
            </div>
          );
        })}
        <Button
          size="small"
          onClick={() =>
            set(['escalation'], {
              ...(draft.escalation ?? {}),
              rectification: [
                ...(ladder ?? []),
                { id: `s${(ladder?.length ?? 0) + 1}`, at: { afterDeadlineDays: 1 }, action: 'alert_unit' },
              ],
            })
          }
        >
          {t('scheme.ladder.add')}
        </Button>
      </Card>
      <Card size="small" title={t('scheme.sec.petitions')}>
        {rule(['petitions', 'accept'])}
        {rule(['petitions', 'handle'])}
        {num(['petitions', 'maxExtensions'], 'times')}
        {num(['petitions', 'extensionMaxDays'], 'days')}
        {num(['petitions', 'repeatWindowDays'], 'days')}
        {num(['petitions', 'normalLevelsAbove'], 'levels')}
      </Card>
      <Card size="small" title={t('scheme.sec.signals')}>
        {rule(['signals', 'firstResponse'])}
      </Card>
      <Card size="small" title={t('scheme.sec.lights')}>
        {(
          [
            'rectificationWarnDays',
            'rectificationStartDays',
            'petitionAcceptWarnDays',
            'petitionHandleWarnDays',
            'caseWarnDays',
          ] as const
        ).map((k) => num(['lights', k], 'days'))}
        {rule(['lights', 'caseDecide'])}
      </Card>
      <Card size="small" title={t('scheme.sec.cards')}>
        {num(['cards', 'minGroupSize'], 'units')}
        {num(['cards', 'consecutiveForProposal'], 'quarters')}
      </Card>
      <Card size="small" title={t('scheme.sec.publishing')}>
        {field(
          ['publishing', 'noticePeriod'],
          <span className="row-gap">
            <Switch
              id="scheme-publishing-noticePeriod"
              checked={!!notice}
              onChange={(on) =>
                set(['publishing', 'noticePeriod'], on ? { workingDays: 5, required: true } : undefined)
              }
            />
            {notice ? null : <span className="muted">{t('scheme.noticeOff')}</span>}
          </span>,
        )}
        {notice ? (
          <>
            {num(['publishing', 'noticePeriod', 'workingDays'], 'wdays', 60)}
            {field(
              ['publishing', 'noticePeriod', 'required'],
              <Switch
                id="scheme-publishing-noticePeriod-required"
                checked={notice.required}
                onChange={(v) => set(['publishing', 'noticePeriod', 'required'], v)}
              />,
            )}
          </>
        ) : null}
        {num(['publishing', 'autoPublishDelayDays'], 'days')}
        {num(['bulletins', 'dayOfMonth'], 'day', 28)}
      </Card>
      <Card size="small" title={t('scheme.sec.funds')}>
        {num(['funds', 'idleThresholdFen'], 'wan')}
        {num(['funds', 'idleGraceDays'], 'days')}
      </Card>
      <Card size="small" title={t('scheme.sec.migration')}>
        {num(['migration', 'clockSkewSeconds'], 'sec', 3600)}
        {(['discoveredOn', 'receivedAt', 'publishedAt'] as const).map((k) =>
          num(['migration', 'liveLookbackDays', k], 'days', 366),
        )}
      </Card>
    </div>
  );
}
