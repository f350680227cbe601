/** Filter controls the list screens share: a select (of options, of an enum's labelled codes, yes/no) and a date range. */
import { Button, Input, Select } from 'antd';
import type { ReactNode } from 'react';
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
  return (
    <>
      <Input
        type="date"
        aria-label={t('common.from')}
        value={from ?? ''}
        onChange={(ev) => onChange({ from: ev.target.value })}
        data-testid="filter-from"
        style={{ width: 150 }}
      />
      <Input
        type="date"
        aria-label={t('common.to')}
        value={to ?? ''}
        onChange={(ev) => onChange({ to: ev.target.value })}
        data-testid="filter-to"
        style={{ width: 150 }}
      />
    </>
  );
}

/** The filter bar of a list: the unit (its subtree), the list's own filters, and "clear" once any is set. */
export function FilterBar({
  unitId,
  onUnit,
  filtered,
  onClear,
  children,
}: {
  unitId: string | undefined;
  onUnit: (unitId: string | undefined) => void;
  filtered: boolean;
  onClear: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <search className="filters" aria-label={t('common.filters')}>
      <UnitPicker value={unitId ?? null} onChange={onUnit} testId="filter-unit" />
      {children}
      {filtered ? <Button onClick={onClear}>{t('common.clearFilters')}</Button> : null}
    </search>
  );
}
