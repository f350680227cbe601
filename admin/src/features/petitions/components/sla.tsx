import { Tag } from 'antd';
import { useT } from '../../../i18n/index.js';
import type { PetitionView, SlaClock } from '../api/petitions.js';

export function SlaBadge({ clock, label }: { clock: SlaClock; label: string }) {
  const t = useT();
  if (clock.status === 'met') return <Tag color="green">{`${label} · ${t('petitions.slaMet')}`}</Tag>;
  if (clock.status === 'missed' || (clock.daysOver ?? 0) > 0)
    return (
      <Tag color="red" data-testid="sla-over">
        {`${label} · ${t('petitions.daysOver', { n: clock.daysOver ?? 0 })}`}
      </Tag>
    );
  return (
    <Tag color={(clock.daysLeft ?? 99) <= 3 ? 'orange' : 'blue'} data-testid="sla-left">
      {`${label} · ${t('petitions.daysLeft', { n: clock.daysLeft ?? 0 })}`}
    </Tag>
  );
}

/** The clock that runs now: handling once accepted, else acceptance. */
export function CurrentSla({ p }: { p: PetitionView }) {
  const t = useT();
  return p.sla.handle ? (
    <SlaBadge clock={p.sla.handle} label={t('petitions.slaHandle')} />
  ) : (
    <SlaBadge clock={p.sla.accept} label={t('petitions.slaAccept')} />
  );
}

export function PetitionBadges({ p }: { p: PetitionView }) {
  const t = useT();
  return (
    <>
      {p.repeatOf ? (
        <Tag color="volcano" data-testid="badge-repeated">
          {t('petitions.repeated')}
        </Tag>
      ) : null}
      {p.escalated ? (
        <Tag color="magenta" data-testid="badge-escalated">
          {t('petitions.escalated')}
        </Tag>
      ) : null}
    </>
  );
}
