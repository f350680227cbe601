/** What raised a case, in words; with links to the records behind it (named by what they are, not by id). */
import type { CaseTrigger } from '@jiandu/shared';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.js';

export function TriggerText({ trigger, withLinks = false }: { trigger: CaseTrigger; withLinks?: boolean }) {
  const { t } = useI18n();
  if (trigger.kind === 'consecutive_cards')
    return (
      <span>
        {t('cases.trigger.consecutive_cards')}（{trigger.quarters.join('、')}）
      </span>
    );
  if (trigger.kind === 'rectification_overdue')
    return (
      <span>
        {t('cases.trigger.rectification_overdue', { n: trigger.daysOverdue })}
        {withLinks ? (
          <>
            {' '}
            · <Link to={`/rectifications/${trigger.rectificationId}`}>{t('cases.link.rectification')}</Link>
          </>
        ) : null}
      </span>
    );
  return (
    <span>
      {t('cases.trigger.petition_sla_missed')}
      {withLinks ? (
        <>
          {' '}
          · <Link to={`/petitions/${trigger.petitionId}`}>{t('cases.link.petition')}</Link> ←{' '}
          <Link to={`/petitions/${trigger.earlierPetitionId}`}>{t('cases.link.earlierPetition')}</Link>
        </>
      ) : null}
    </span>
  );
}
