/** Every input count of a score, so a person can recompute it by hand (DESIGN §4.1). */
import type { ScoreBreakdown } from '@jiandu/shared';
import { Card } from 'antd';
import { useI18n } from '../../../i18n/index.js';
import { points } from '../../../lib/format.js';
import { useIndicatorNames } from '../api/indicator-names.js';

export function ScoreBreakdownView({ s }: { s: ScoreBreakdown }) {
  const { t } = useI18n();
  const names = useIndicatorNames(s.task.indicators.map((i) => i.indicatorId));
  const pts = (h: number) => t('rank.points', { p: points(h) });
  const head = (key: Parameters<typeof t>[0], p: number, max: number) =>
    `${t(key)} ${points(p)} / ${points(max)}`;
  return (
    <div className="score-breakdown" data-testid="score-breakdown">
      <Card size="small" title={head('rank.task', s.task.points, s.task.max)}>
        {s.task.noTargets ? (
          <p>{t('rank.noTargets')}</p>
        ) : (
          <table className="mini">
            <thead>
              <tr>
                <th>{t('rank.indicator')}</th>
                <th>{t('rank.plan')}</th>
                <th>{t('rank.actual')}</th>
                <th>{t('rank.completion')}</th>
              </tr>
            </thead>
            <tbody>
              {s.task.indicators.map((i) => (
                <tr key={i.indicatorId}>
                  <td title={i.indicatorId}>{names.get(i.indicatorId) ?? i.indicatorId}</td>
                  <td>{i.plan}</td>
                  <td>{i.reported === false ? t('rank.notReported') : i.actual}</td>
                  <td>{i.completion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card size="small" title={head('rank.rectification', s.rectification.points, s.rectification.max)}>
        <div>{t('rank.due', { n: s.rectification.due })}</div>
        <div>{t('rank.onTime', { n: s.rectification.onTime })}</div>
        <div>
          {t('rank.openOverdue', {
            n: s.rectification.openOverdue,
            each: pts(s.rectification.deductionEach),
          })}
        </div>
      </Card>
      <Card size="small" title={head('rank.findings', s.findings.points, s.findings.max)}>
        <div>
          {t('rank.countGeneral', { n: s.findings.general, each: pts(s.findings.deductions.general) })}
        </div>
        <div>
          {t('rank.countSerious', { n: s.findings.serious, each: pts(s.findings.deductions.serious) })}
        </div>
        <div>{t('rank.countGrave', { n: s.findings.grave, each: pts(s.findings.deductions.grave) })}</div>
      </Card>
      <Card size="small" title={head('rank.petitions', s.petitions.points, s.petitions.max)}>
        <div>
          {t('rank.countReceived', { n: s.petitions.received, each: pts(s.petitions.deductions.received) })}
        </div>
        <div>
          {t('rank.countRepeated', { n: s.petitions.repeated, each: pts(s.petitions.deductions.repeated) })}
        </div>
        <div>
          {t('rank.countEscalated', {
            n: s.petitions.escalated,
            each: pts(s.petitions.deductions.escalated),
          })}
        </div>
      </Card>
      <Card size="small" title={head('rank.opinion', s.opinion.points, s.opinion.max)}>
        <div>{t('rank.countNotable', { n: s.opinion.notable, each: pts(s.opinion.deductions.notable) })}</div>
        <div>{t('rank.countMajor', { n: s.opinion.major, each: pts(s.opinion.deductions.major) })}</div>
      </Card>
    </div>
  );
}
