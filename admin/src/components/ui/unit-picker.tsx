/** Picks a unit of the jurisdiction by name, alias or code (the unit directory is cached). */
import { unitKind } from '@jiandu/shared';
import { Select } from 'antd';
import { useMemo } from 'react';
import { unitMatches, useUnits } from '../../api/units.js';
import { useI18n } from '../../i18n/index.js';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

export function UnitPicker({
  value,
  onChange,
  id,
  placeholder,
  allowClear = true,
  testId,
  style,
  ...rest
}: Props) {
  const { units, isLoading } = useUnits();
  const { label, t } = useI18n();
  const options = useMemo(
    () =>
      units.map((u) => ({
        value: u.id,
        label: `${u.name}${u.aliases?.length ? `（${u.aliases.join('、')}）` : ''}`,
        unit: u,
        kind: label(unitKind, u.kind),
      })),
    [units, label],
  );
  return (
    <Select
      id={id}
      showSearch={{
        filterOption: (input, opt) => !!opt && unitMatches((opt as (typeof options)[number]).unit, input),
      }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      optionRender={(o) => (
        <span>
          {o.data.label} <span className="muted">· {o.data.kind}</span>
        </span>
      )}
      placeholder={placeholder ?? t('findings.unitPickerHint')}
      allowClear={allowClear}
      loading={isLoading}
      data-testid={testId ?? 'unit-picker'}
      style={{ minWidth: 180, ...style }}
      // Inside a form item the item's label names it (antd passes the id it labels); alone, it says 单位.
      aria-label={rest['aria-label'] ?? (id ? undefined : t('common.unit'))}
      popupMatchSelectWidth={false}
    />
  );
}
