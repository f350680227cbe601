import type { PetitionView, SlaClock } from '@jiandu/shared/api';
import { Tag } from 'antd';
import { useT } from '../../../i18n/index.js';

export function SlaBadge({ clock, label }: { clock: SlaClock; label: string }) {
  const t = useT();
  if (clock.status === 'met') return <Tag color="green">{`${label} · ${t('petitions.slaMet')}`}</Tag>;
  // A clock is past its due only when missed: a pending one counts the days left (the server's SlaClock).
  if (clock.status === 'missed')
    return (
      <Tag color="red" data-testid="sla-over">
        {`${label} · ${t('petitions.daysOver', { n: clock.daysOver })}`}
      </Tag>
    );
  return (
    <Tag color={clock.daysLeft <= 3 ? 'orange' : 'blue'} data-testid="sla-left">
      {`${label} · ${t('petitions.daysLeft', { n: clock.daysLeft })}`}
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
