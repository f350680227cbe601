/**
 * The scheme's working calendar as a year of month grids: 休 on statutory holidays, 班 on 调休 make-up
 * workdays, weekends shaded. Clicking a day cycles normal → holiday → make-up workday → normal; the lists
 * beside the grid name every date of the year. Edits the draft's `calendar[year]`.
 */
import type { Scheme } from '@jiandu/shared';
import { Card, Select, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.js';

type DayState = 'normal' | 'holiday' | 'makeup';

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Monday = 0 … Sunday = 6 (a Chinese calendar starts its week on Monday). */
const weekday = (y: number, m: number, d: number) => (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;

/** The calendar of `year` with `date` moved to its next state (lists kept sorted). */
export function cycleDay(cal: Scheme['calendar'], year: string, date: string): Scheme['calendar'] {
  const y = cal[year] ?? { holidays: [], makeupWorkdays: [] };
  const state: DayState = y.holidays.includes(date)
    ? 'holiday'
    : y.makeupWorkdays.includes(date)
      ? 'makeup'
      : 'normal';
  const holidays = y.holidays.filter((d) => d !== date);
  const makeupWorkdays = y.makeupWorkdays.filter((d) => d !== date);
  if (state === 'normal') holidays.push(date);
  if (state === 'holiday') makeupWorkdays.push(date);
  return { ...cal, [year]: { holidays: holidays.sort(), makeupWorkdays: makeupWorkdays.sort() } };
}

export function SchemeCalendar({
  calendar,
  onChange,
  thisYear,
}: {
  calendar: Scheme['calendar'];
  onChange: (c: Scheme['calendar']) => void;
  thisYear: number;
}) {
  const { t } = useI18n();
  const years = [...new Set([...Object.keys(calendar), String(thisYear), String(thisYear + 1)])].sort();
  const [year, setYear] = useState(String(thisYear));
  const y = Number(year);
  const cal = calendar[year] ?? { holidays: [], makeupWorkdays: [] };
  const holidays = new Set(cal.holidays);
  const makeups = new Set(cal.makeupWorkdays);
  const weekdays = t('scheme.cal.weekdays').split(',');
  const stateText = (s: DayState) =>
    s === 'holiday'
      ? t('scheme.cal.holiday')
      : s === 'makeup'
        ? t('scheme.cal.makeup')
        : t('scheme.cal.normal');
  return (
    <div className="scheme-calendar" data-testid="scheme-calendar">
      <div className="row-gap">
        <label htmlFor="scheme-cal-year">{t('scheme.cal.year')}</label>
        <Select
          id="scheme-cal-year"
          value={year}
          onChange={setYear}
          options={years.map((v) => ({ value: v, label: v }))}
          style={{ width: 100 }}
          data-testid="scheme-cal-year"
        />
        <span className="muted small">{t('scheme.cal.hint')}</span>
      </div>
      <div className="scheme-cal-body">
        <div className="scheme-cal-months">
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <div key={m} className="scheme-cal-month">
              <div className="scheme-cal-title">{t('scheme.cal.month', { m })}</div>
              <div className="scheme-cal-grid">
                {weekdays.map((w) => (
                  <span key={w} className="scheme-cal-wd" aria-hidden="true">
                    {w}
                  </span>
                ))}
                {Array.from({ length: weekday(y, m, 1) }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st have no identity
                  <span key={`b${i}`} />
                ))}
                {Array.from({ length: daysIn(y, m) }, (_, i) => i + 1).map((d) => {
                  const date = dateOf(y, m, d);
                  const state: DayState = holidays.has(date)
                    ? 'holiday'
                    : makeups.has(date)
                      ? 'makeup'
                      : 'normal';
                  const weekend = weekday(y, m, d) >= 5;
                  return (
                    <button
                      key={date}
                      type="button"
                      className={`scheme-cal-day ${state}${weekend ? ' weekend' : ''}`}
                      data-date={date}
                      onClick={() => onChange(cycleDay(calendar, year, date))}
                    >
                      <span>{d}</span>
                      {state !== 'normal' ? <em>{stateText(state)}</em> : null}
                      {/* The visible text stays the start of the name (axe: label-content-name-mismatch). */}
                      <span className="sr-only">{` ${date}`}</span>
                    </button>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
        <Card size="small" className="scheme-cal-lists">
          <h4>{t('scheme.cal.holidays', { n: cal.holidays.length })}</h4>
          <div data-testid="scheme-holidays">
            {cal.holidays.length ? (
              cal.holidays.map((d) => (
                <Tag key={d} color="red">
                  {d}
                </Tag>
              ))
            ) : (
              <span className="muted">{t('scheme.cal.none')}</span>
            )}
          </div>
          <h4>{t('scheme.cal.makeups', { n: cal.makeupWorkdays.length })}</h4>
          <div data-testid="scheme-makeups">
            {cal.makeupWorkdays.length ? (
              cal.makeupWorkdays.map((d) => (
                <Tag key={d} color="blue">
                  {d}
                </Tag>
              ))
            ) : (
              <span className="muted">{t('scheme.cal.none')}</span>
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
