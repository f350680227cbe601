/**
 * 预黄牌一览: the pre-yellow cards of the jurisdiction (issue 17), by quarter and unit, each linking to the
 * published ranking that issued it; a card withdrawn by an amendment says when and why.
 */
import type { CardRecord } from '@jiandu/shared/api';
import { Tag } from 'antd';
import { Link } from 'react-router';
import { useCurrentScheme } from '../../../api/scheme.js';
import { useUnits } from '../../../api/units.js';
import { FilterBar, OptionFilter } from '../../../components/ui/filters.js';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import type { Column } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant, recentQuarters } from '../../../lib/format.js';
import { useListFilters } from '../../../lib/url-filters.js';
import { CARD_FILTERS, useCards } from '../api/cards.js';

const groupKeyOf = (c: CardRecord) => `${c.group.ruleId}@${c.group.parentUnitId}`;

export function CardList() {
  const { t, lang } = useI18n();
  const { f, setF, bar, empty } = useListFilters(CARD_FILTERS);
  const q = useCards(f);
  const units = useUnits();
  const scheme = useCurrentScheme();
  const groupLabel = (c: CardRecord) => {
    const rule = scheme.data?.peerGroups.find((p) => p.id === c.group.ruleId);
    const ruleLabel = rule ? (lang === 'en' ? (rule.labelEn ?? rule.label) : rule.label) : c.group.ruleId;
    return `${units.name(c.group.parentUnitId)} · ${ruleLabel}`;
  };
  const columns: Column<CardRecord>[] = [
    { key: 'quarter', title: t('cards.quarter'), width: '90px', render: (c) => c.quarter },
    {
      key: 'unit',
      title: t('common.unit'),
      width: '1.2fr',
      render: (c) => <Link to={`/rankings/units/${c.unitId}`}>{units.name(c.unitId)}</Link>,
    },
    { key: 'group', title: t('cards.group'), width: '1.6fr', render: groupLabel },
    {
      key: 'state',
      title: t('common.state'),
      width: '1.4fr',
      render: (c) =>
        c.withdrawn ? (
          <span data-testid="card-withdrawn">
            <Tag>{t('cards.withdrawn')}</Tag>
            <span className="muted small">
              {fmtInstant(c.withdrawn.at)} {c.withdrawn.reason}
            </span>
          </span>
        ) : (
          <Tag color="gold" data-testid="card-issued">
            {t('cards.issued')}
          </Tag>
        ),
    },
    {
      key: 'at',
      title: t('cards.issuedAt'),
      width: '130px',
      secondary: true,
      render: (c) => fmtInstant(c.issuedAt),
    },
  ];
  return (
    <Page title={t('cards.title')}>
      <FilterBar {...bar}>
        <OptionFilter
          placeholder={t('cards.quarter')}
          value={f.quarter}
          onChange={(v) => setF({ quarter: v })}
          options={recentQuarters(12).map((x) => ({ value: x, label: x }))}
          testId="filter-quarter"
        />
        <OptionFilter
          placeholder={t('common.state')}
          value={f.state}
          onChange={(v) => setF({ state: v })}
          options={[
            { value: 'issued', label: t('cards.issued') },
            { value: 'withdrawn', label: t('cards.withdrawn') },
          ]}
          testId="filter-state"
        />
      </FilterBar>
      <ListBody
        q={q}
        {...empty}
        testId="cards"
        label={t('cards.title')}
        columns={columns}
        rowKey={(c) => c.id}
        rowHref={(c) =>
          `/rankings?quarter=${c.quarter}&group=${encodeURIComponent(groupKeyOf(c))}&mode=published`
        }
      />
    </Page>
  );
}
