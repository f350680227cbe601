/**
 * Deadline extensions (DESIGN §4.4): the unit asks for a later deadline with a reason; a supervisor
 * approves or denies. The deadline changes only on approval, and `deadlines` keeps every deadline the
 * rectification ever had (appended, never rewritten).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { DomainError } from '../errors/index.js';
import type { Rectification } from '../schemas/rectification.js';
import { pendingExtension } from './guards.js';

type Changes = Partial<Rectification>;

/**
 * "Later than the current deadline" is strict: asking for the same day is refused. A requested day that
 * has already passed is accepted if it is later than the current deadline (the text sets no other bound).
 * The guards have already refused a second pending request.
 */
export function requestExtension(
  rect: Rectification,
  req: { id: string; deadline: LocalDate; reason: string; by: string; at: string },
): Changes {
  if (req.deadline <= rect.deadline)
    throw new DomainError(
      'rectification.extensionNotLater',
      `${req.deadline} is not after ${rect.deadline}`,
      {
        field: 'deadline',
      },
    );
  return {
    extensions: [
      ...rect.extensions,
      {
        id: req.id,
        requestedDeadline: req.deadline,
        reason: req.reason,
        requestedBy: req.by,
        requestedAt: req.at,
        decision: 'pending',
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      },
    ],
  };
}

/**
 * Decides the pending request (the guards ensure there is one). On approval the new `deadlines` entry is
 * made `by` the approving supervisor, `at` the decision time, with the request's `reason` (why the date
 * moved); the decision's own reason stays on the request.
 */
export function decideExtension(
  rect: Rectification,
  dec: { approve: boolean; reason: string | null; by: string; at: string },
): Changes {
  const pending = pendingExtension(rect);
  if (!pending) throw new DomainError('rectification.noExtensionPending', 'no extension request is pending');
  const decided = {
    ...pending,
    decision: dec.approve ? ('approved' as const) : ('denied' as const),
    decidedBy: dec.by,
    decidedAt: dec.at,
    decisionReason: dec.reason,
  };
  const extensions = rect.extensions.map((e) => (e === pending ? decided : e));
  if (!dec.approve) return { extensions };
  const deadline = pending.requestedDeadline;
  return {
    extensions,
    deadline,
    deadlines: [...rect.deadlines, { deadline, at: dec.at, by: dec.by, reason: pending.reason }],
  };
}
