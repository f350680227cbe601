/**
 * The bulletin as a document: the same markup on screen and on the A4 print page (bulletin-print.css:
 * @page A4, tables and rows kept whole, headers repeated on every page). An issued bulletin shows who
 * issued it and the hash of its frozen content.
 */

import {
  caseState,
  fenToWan,
  petitionState,
  problemCategory,
  rectificationState,
  signalSeverity,
} from '@jiandu/shared';
import type { IssuedBulletin, IssuedContent } from '@jiandu/shared/api';
import type { ReactNode } from 'react';
import { useUnits } from '../../../api/units.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant, percentBp, shortHash } from '../../../lib/format.js';
import './bulletin-print.css';

/**
 * A table that may scroll sideways on a phone (bulletin-print.css): a named region reachable by keyboard,
 * so the part out of view can be scrolled to without a pointer.
 */
function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1, axe scrollable-region-focusable)
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

export function BulletinDocument({ b, issued }: { b: IssuedContent; issued?: IssuedBulletin }) {
  const { t, label } = useI18n();
  const units = useUnits();
  const none = <p>{t('bulletins.nothing')}</p>;
  const s = b.satisfaction.overall;
  return (
    <article className="print-page" data-testid="bulletin">
      <h1>{t('bulletins.heading', { unit: b.unitName, month: b.month })}</h1>
      <p className="muted">{t('bulletins.asOf', { at: fmtInstant(b.asOf) })}</p>
      {issued ? (
        <p className="muted" data-testid="bulletin-issued">
          {t('bulletins.issuedLine', {
            at: fmtInstant(issued.issuedAt),
            by: issued.issuedBy.role === 'system' ? t('bulletins.bySchedule') : issued.issuedBy.name,
            hash: shortHash(issued.contentHash),
          })}
        </p>
      ) : (
        <p className="muted no-print">{t('bulletins.draftLine')}</p>
      )}
      <h2>{t('bulletins.progress')}</h2>
      <p>
        {t('bulletins.progressSummary', {
          n: b.progress.summary.indicators,
          m: b.progress.summary.withTarget,
          rate: percentBp(b.progress.summary.meanCompletionBp),
        })}
      </p>
      {b.progress.indicators.length ? (
        <ScrollBox label={t('bulletins.progress')}>
          <table>
            <thead>
              <tr>
                <th>{t('common.unit')}</th>
                <th>{t('rank.indicator')}</th>
                <th>{t('bulletins.target')}</th>
                <th>{t('rank.plan')}</th>
                <th>{t('rank.actual')}</th>
                <th>{t('rank.completion')}</th>
              </tr>
            </thead>
            <tbody>
              {b.progress.indicators.map((i) => (
                <tr key={i.id}>
                  <td>{units.name(i.unitId)}</td>
                  <td>{i.name}</td>
                  <td>{i.target}</td>
                  <td>{i.plan ?? '—'}</td>
                  <td>{i.actual ?? '—'}</td>
                  <td>{percentBp(i.completionBp)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
      <h2>{t('bulletins.overdue')}</h2>
      {b.overdue.length ? (
        <ScrollBox label={t('bulletins.overdue')}>
          <table data-testid="bulletin-overdue">
            <thead>
              <tr>
                <th>{t('common.unit')}</th>
                <th>{t('rect.item')}</th>
                <th>{t('common.state')}</th>
                <th>{t('common.deadline')}</th>
                <th>{t('bulletins.daysOverdue')}</th>
              </tr>
            </thead>
            <tbody>
              {b.overdue.map((r) => (
                <tr key={r.id}>
                  <td>{units.name(r.unitId)}</td>
                  <td>{r.title}</td>
                  <td>{label(rectificationState, r.state)}</td>
                  <td>{r.deadline}</td>
                  <td>{t('common.days', { n: r.daysOverdue })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : (
        none
      )}
      <h2>{t('bulletins.cards')}</h2>
      {b.cards.length || b.proposals?.length ? (
        <ul>
          {b.cards.map((c) => (
            <li key={c.id}>
              {t('rank.card')}：{units.name(c.unitId)}（{c.quarter}）
            </li>
          ))}
          {(b.proposals ?? []).map((p) => (
            <li key={p.id}>
              {t('nav.cases')}：{units.name(p.unitId)} · {label(caseState, p.state)}
            </li>
          ))}
        </ul>
      ) : (
        none
      )}
      <h2>{t('bulletins.petitions')}</h2>
      <p>
        {t('bulletins.petitionsSummary', {
          n: b.petitions.received,
          r: b.petitions.repeated,
          e: b.petitions.escalated,
        })}
      </p>
      {b.petitions.items.length ? (
        <ScrollBox label={t('bulletins.petitions')}>
          <table>
            <thead>
              <tr>
                <th>{t('common.unit')}</th>
                <th>{t('common.category')}</th>
                <th>{t('common.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {b.petitions.items.map((p) => (
                <tr key={p.id}>
                  <td>{units.name(p.unitId)}</td>
                  <td>{label(problemCategory, p.category)}</td>
                  <td>{label(petitionState, p.state)}</td>
                  <td>
                    {p.repeated ? t('petitions.repeated') : ''} {p.escalated ? t('petitions.escalated') : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
      <h2>{t('bulletins.signals')}</h2>
      <p>
        {t('bulletins.signalsSummary', {
          n: b.signals.published,
          neg: b.signals.negative,
          notable: b.signals.notable,
          major: b.signals.major,
        })}
      </p>
      {b.signals.items.filter((x) => x.polarity === 'negative').length ? (
        <ul>
          {b.signals.items
            .filter((x) => x.polarity === 'negative')
            .map((x) => (
              <li key={x.id}>
                [{label(signalSeverity, x.severity)}] {x.title} {x.unitId ? `· ${units.name(x.unitId)}` : ''}
              </li>
            ))}
        </ul>
      ) : null}
      <h2>{t('bulletins.satisfaction')}</h2>
      <p>
        {t('bulletins.satisfactionSummary', {
          n: s.closed,
          s: s.satisfied,
          b: s.basicallySatisfied,
          d: s.dissatisfied,
          rate: percentBp(s.rateBp),
        })}
      </p>
      {b.reminders ? (
        <>
          <h2>{t('bulletins.reminders')}</h2>
          <p data-testid="bulletin-reminders">
            {t('bulletins.remindersSummary', {
              sent: b.reminders.sent,
              read: b.reminders.read,
              ignored: b.reminders.ignored,
            })}
          </p>
          {b.reminders.byUnit.length ? (
            <ScrollBox label={t('bulletins.reminders')}>
              <table>
                <thead>
                  <tr>
                    <th>{t('common.unit')}</th>
                    <th>{t('bulletins.remindersSent')}</th>
                    <th>{t('bulletins.remindersRead')}</th>
                    <th>{t('bulletins.remindersIgnored')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.reminders.byUnit.map((u) => (
                    <tr key={u.unitId}>
                      <td>{units.name(u.unitId)}</td>
                      <td>{u.sent}</td>
                      <td>{u.read}</td>
                      <td>{u.ignored}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          ) : null}
        </>
      ) : null}
      {b.funds ? (
        <>
          <h2>{t('bulletins.funds')}</h2>
          <p>
            {t('bulletins.fundsSummary', {
              n: b.funds.totals.projects,
              unspent: fenToWan(b.funds.totals.unspentFen),
              idle: b.funds.totals.idleProjects,
              idleMoney: fenToWan(b.funds.totals.idleFen),
            })}
          </p>
          {b.funds.rows.some((r) => r.projects > 0) ? (
            <ScrollBox label={t('bulletins.funds')}>
              <table data-testid="bulletin-funds">
                <thead>
                  <tr>
                    <th>{t('common.unit')}</th>
                    <th>{t('funds.projects')}</th>
                    <th>{t('funds.allocated')}</th>
                    <th>{t('funds.disbursed')}</th>
                    <th>{t('funds.unspent')}</th>
                    <th>{t('funds.idleMoney')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.funds.rows
                    .filter((r) => r.projects > 0)
                    .map((r) => (
                      <tr key={r.unitId}>
                        <td>{units.name(r.unitId)}</td>
                        <td>{r.projects}</td>
                        <td className="nowrap">{fenToWan(r.allocatedFen)}</td>
                        <td className="nowrap">{fenToWan(r.disbursedFen)}</td>
                        <td className="nowrap">{fenToWan(r.unspentFen)}</td>
                        <td className="nowrap">{r.idleProjects ? fenToWan(r.idleFen) : '—'}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ScrollBox>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
