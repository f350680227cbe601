/**
 * What an alert says, in the reader's language: composed from its facts (kind, days, deadline, the
 * record's title or category) where the alert keeps them; an alert stored before facts were kept shows its
 * Chinese text, with any record id in it left out (a person reads a record by its title, not its id).
 */
import type { Alert } from '@jiandu/shared';
import { PROBLEM_CATEGORY_LABELS } from '@jiandu/shared/labels';
import { useI18n } from '../i18n/index.js';

const ID = /[0-9A-HJKMNP-TV-Z]{26}/g;

export function useAlertText(): (a: Pick<Alert, 'message' | 'facts'>) => string {
  const { t, label } = useI18n();
  return (a) => {
    const f = a.facts;
    if (!f) return a.message.replace(ID, '');
    const params = {
      days: f.days,
      due: f.due,
      title: f.title ?? '',
      category: f.category ? label(PROBLEM_CATEGORY_LABELS, f.category) : '',
      ext: f.extensionDays ?? 0,
    };
    switch (f.kind) {
      case 'petition.accept':
        return t('alertText.petitionAccept', params);
      case 'petition.handle':
        return t('alertText.petitionHandle', params);
      case 'petition.extension':
        return t('alertText.petitionExtension', params);
      case 'rectification.overdue':
        return t('alertText.rectOverdue', params);
      case 'rectification.near':
        return t('alertText.rectNear', params);
      case 'petition.near':
        return t('alertText.petitionNear', params);
    }
  };
}

export function AlertText({ alert }: { alert: Pick<Alert, 'message' | 'facts'> }) {
  const text = useAlertText();
  return <>{text(alert)}</>;
}

/**
 * Whom an escalation step landed on (梯度督办): the post holders of the day it was reached, by name, and
 * the posts nobody held (reported to the unit above). Nothing for other alerts.
 */
export function AlertLanding({ alert }: { alert: Pick<Alert, 'landing'> }) {
  const { t } = useI18n();
  const l = alert.landing;
  if (!l) return null;
  const post = (p: 'principal' | 'deputy_in_charge') => t(`ladder.post.${p}`);
  const to = l.recipients.map((r) => `${r.name ?? '—'}（${post(r.post)}）`).join('、');
  return (
    <span className="muted alert-landing" data-testid="alert-landing">
      {t('ladder.to', { to: to || t('ladder.nobody'), day: l.day })}
      {l.vacant.length > 0
        ? ` ${t('ladder.vacant', { posts: l.vacant.map((v) => post(v.post)).join('、') })}`
        : ''}
    </span>
  );
}
