/**
 * The alert state machine (DESIGN §3): open → acknowledged → resolved, or open → resolved directly.
 * Supervisors manage alerts (DESIGN §1). Every accepted action bumps `version` by exactly 1.
 */
import { can } from '../access/capabilities.js';
import { DomainError } from '../errors/index.js';
import type { Alert } from '../schemas/accountability.js';
import type { Role } from '../schemas/enums.js';

export type AlertAction = 'acknowledge' | 'resolve';

const FROM: Record<AlertAction, readonly Alert['state'][]> = {
  acknowledge: ['open'],
  resolve: ['open', 'acknowledged'],
};

const TO: Record<AlertAction, Alert['state']> = { acknowledge: 'acknowledged', resolve: 'resolved' };

/** Sort rank of a state in lists: open first, then acknowledged, then resolved. */
export const ALERT_STATE_ORDER: readonly Alert['state'][] = ['open', 'acknowledged', 'resolved'];

export function applyAlertAction(a: Alert, action: AlertAction, roles: readonly Role[]): Alert {
  if (!can(roles, 'alert.act'))
    throw new DomainError('alert.forbiddenRole', 'only supervisors manage alerts');
  if (!FROM[action].includes(a.state))
    throw new DomainError('alert.invalidTransition', `cannot ${action} a ${a.state} alert`, {
      details: { state: a.state, action },
    });
  return { ...a, state: TO[action], version: a.version + 1 };
}

/**
 * A record's lower overdue step is superseded when a higher step of the same record is raised, so one
 * record carries one live overdue alert (issue 17: a rectification first swept 25 days late showed both
 * the day-1 警告 and the day-15 严重 alert, "25天" each). The system resolves the lower one — the step
 * still happened once and stays in the record's history. Null when there is nothing to supersede.
 */
export function supersededAlert(a: Alert): Alert | null {
  if (!FROM.resolve.includes(a.state)) return null;
  return { ...a, state: TO.resolve, version: a.version + 1 };
}
