/**
 * Major negative opinion must not happen unhandled (DESIGN §2, §4.5): a negative signal of severity
 * 重大 (major) about a unit → an immediate alert to the supervisors of that unit and a handling task (a
 * rectification) with a first-response deadline of computeDeadline(local date of `now`,
 * scheme.signals.firstResponse) — 1 calendar day by default, not rolled. A signal without a unit waits in
 * the triage queue; the actions happen when a supervisor assigns its unit, counting from that moment.
 */
import { can } from '../access/capabilities.js';
import type { Instant } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import { computeDeadline } from '../calendar/working-days.js';
import { DomainError } from '../errors/index.js';
import type { Alert } from '../schemas/accountability.js';
import type { Role } from '../schemas/enums.js';
import type { RectificationInput } from '../schemas/rectification.js';
import type { Signal } from '../schemas/signal.js';
import type { Scheme } from '../scheme/scheme.js';

export type SignalForActions = Pick<Signal, 'id' | 'title' | 'polarity' | 'severity' | 'unitId'> & {
  url?: string;
  rectificationId?: string | null;
};

export type SignalAlertDraft = Pick<
  Alert,
  'rule' | 'alertKey' | 'subject' | 'unitId' | 'notifyUnitId' | 'severity' | 'message'
>;

export interface SignalActions {
  /** No unit yet: the signal belongs in the triage queue (whatever its polarity and severity). */
  needsTriage: boolean;
  alert: SignalAlertDraft | null;
  /** The handling task to create; null also when the signal already has one (`rectificationId`). */
  rectification: RectificationInput | null;
}

export const MAJOR_NEGATIVE_RULE = 'signal.majorNegative';

export const isMajorNegative = (s: Pick<Signal, 'polarity' | 'severity'>): boolean =>
  s.polarity === 'negative' && s.severity === 'major';

/** Cut to at most `max` UTF-16 units without splitting a character. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const c of s) {
    if (out.length + c.length > max) break;
    out += c;
  }
  return out;
}

/** Keys are deterministic (`signal.majorNegative|<id>`, rectification externalId `signal:<id>`). */
export function majorNegativeActions(signal: SignalForActions, now: Instant, scheme: Scheme): SignalActions {
  const unitId = signal.unitId;
  if (unitId === null) return { needsTriage: true, alert: null, rectification: null };
  if (!isMajorNegative(signal)) return { needsTriage: false, alert: null, rectification: null };
  const deadline = computeDeadline(
    localDateOf(now, scheme.timeZone),
    scheme.signals.firstResponse,
    scheme.calendar,
  );
  const alert: SignalAlertDraft = {
    rule: MAJOR_NEGATIVE_RULE,
    alertKey: `${MAJOR_NEGATIVE_RULE}|${signal.id}`,
    subject: { kind: 'signal', id: signal.id },
    unitId,
    notifyUnitId: unitId,
    severity: 'critical',
    message: cut(`重大负面舆情：${signal.title}（首次响应时限 ${deadline}）`, 1000),
  };
  const rectification: RectificationInput | null =
    signal.rectificationId != null
      ? null
      : {
          source: { kind: 'signal', id: signal.id },
          unitId,
          title: cut(`舆情处置：${signal.title}`, 500),
          ...(signal.url !== undefined ? { description: cut(signal.url, 4000) } : {}),
          deadline,
          externalId: `signal:${signal.id}`,
        };
  return { needsTriage: false, alert, rectification };
}

/**
 * A supervisor assigns the unit of a signal from the triage queue (`signal.forbiddenRole` for any other
 * role; `signal.alreadyAssigned` when it has one — chosen: reassigning is a separate correction, not
 * triage). Returns the updated signal and the actions now due.
 */
export function onUnitAssigned<S extends SignalForActions>(
  signal: S,
  unitId: string,
  actor: { role: Role; at: Instant },
  scheme: Scheme,
): { signal: S; actions: SignalActions } {
  if (!can([actor.role], 'signal.assign'))
    throw new DomainError('signal.forbiddenRole', `role ${actor.role} may not triage signals`, {
      field: 'role',
    });
  if (signal.unitId !== null)
    throw new DomainError('signal.alreadyAssigned', 'the signal already has a unit', { field: 'unitId' });
  const updated: S = { ...signal, unitId };
  return { signal: updated, actions: majorNegativeActions(updated, actor.at, scheme) };
}
