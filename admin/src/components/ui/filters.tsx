/** Filter controls the list screens share: a select (of options, of an enum's labelled codes, yes/no) and a date range. */
import { Button, Input, Select } from 'antd';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { UnitPicker } from './unit-picker.js';

interface LabelledEnum {
  codes: readonly string[];
  labels: Record<string, { zh: string; en: string }>;
}

interface FilterProps {
  placeholder: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  testId?: string;
}

export function OptionFilter({
  placeholder,
  value,
  onChange,
  testId,
  options,
}: FilterProps & { options: { value: string; label: string }[] }) {
  return (
    <Select
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      value={value}
      onChange={(v) => onChange(v)}
      options={options}
      {...(testId ? { 'data-testid': testId } : {})}
    />
  );
}

export function EnumFilter({ e, ...rest }: FilterProps & { e: LabelledEnum }) {
  const { label } = useI18n();
  return <OptionFilter {...rest} options={e.codes.map((c) => ({ value: c, label: label(e, c) }))} />;
}

/**
 * 排序: newest first (the default, no value) or 按时限 — the open records by the due day of their clock,
 * the most overdue first (red, then yellow, then green), read in that order by the server (sort=deadline).
 */
export function DueSortFilter(props: Omit<FilterProps, 'placeholder'>) {
  const { t } = useI18n();
  return (
    <OptionFilter
      {...props}
      placeholder={t('sort.newest')}
      options={[{ value: 'deadline', label: t('sort.deadline') }]}
    />
  );
}

export function YesNoFilter(props: FilterProps) {
  const { t } = useI18n();
  return (
    <OptionFilter
      {...props}
      options={[
        { value: 'true', label: t('common.yes') },
        { value: 'false', label: t('common.no') },
      ]}
    />
  );
}

export function DateRangeFilter({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (f: { from?: string; to?: string }) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  // Each date box carries its visible label (起始日期 / 截止日期): two bare date inputs said nothing.
  return (
    <>
      <span className="filter-field">
        <label htmlFor={`${id}-from`}>{t('common.from')}</label>
        <Input
          id={`${id}-from`}
          type="date"
          value={from ?? ''}
          onChange={(ev) => onChange({ from: ev.target.value })}
          data-testid="filter-from"
          style={{ width: 150 }}
        />
      </span>
      <span className="filter-field">
        <label htmlFor={`${id}-to`}>{t('common.to')}</label>
        <Input
          id={`${id}-to`}
          type="date"
          value={to ?? ''}
          onChange={(ev) => onChange({ to: ev.target.value })}
          data-testid="filter-to"
          style={{ width: 150 }}
        />
      </span>
    </>
  );
}

/**
 * The keyword box of a list's search form: titles and descriptions, sent as the API's `q` when the user
 * searches (Enter or the button), kept in the URL like every filter.
 */
export function KeywordFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (q: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onChange(v.trim() || undefined)}
      placeholder={t('common.keywordHint')}
      aria-label={t('common.keyword')}
      maxLength={100}
      style={{ width: 220 }}
      data-testid="filter-q"
    />
  );
}

/** The filter bar of a list: the keyword, the unit (its subtree), the list's own filters, and "clear" once any is set. */
export function FilterBar({
  unitId,
  onUnit,
  filtered,
  onClear,
  keyword,
  onKeyword,
  children,
}: {
  unitId: string | undefined;
  onUnit: (unitId: string | undefined) => void;
  filtered: boolean;
  onClear: () => void;
  keyword?: string | undefined;
  /** Shows the keyword box (the list's `q`). */
  onKeyword?: (q: string | undefined) => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <search className="filters" aria-label={t('common.filters')}>
      {onKeyword ? <KeywordFilter value={keyword} onChange={onKeyword} /> : null}
      <UnitPicker value={unitId ?? null} onChange={onUnit} testId="filter-unit" />
      {children}
      {filtered ? <Button onClick={onClear}>{t('common.clearFilters')}</Button> : null}
    </search>
  );
}
