/**
 * What every rule that raises an alert, an escalation or a proposal does with a unit's go-live date
 * (DESIGN §4.7, scheme.migration.goLive; the core's goLiveOf / whollyBeforeGoLive). One reading for all
 * of them, chosen here so that the sweeps agree:
 * - A condition that ended (or happened) on a day before the unit's go-live lay wholly before it and
 *   raises nothing, ever (a signal published, a first-response deadline missed, a quarter ranked).
 * - A time limit that fell before go-live but whose condition still lasts on or after go-live (a
 *   rectification still open, a petition still undecided, idle money still unspent) counts as if it fell
 *   on the go-live day: Jiandu's clock starts at go-live, so the day-1 alert comes the day after go-live,
 *   the 15-day escalation 15 days after it and the 30-day 慢作为 proposal 30 days after it — never all
 *   three on the first morning for matters the county inherited (a county's administrator would call
 *   that false accountability: nobody could act on them in the system before it existed).
 */
import { goLiveOf, type LocalDate } from '@jiandu/shared';
import type { Deps } from '../../app/deps.js';

/** The go-live date of each unit (null: live from the start), read once per sweep. */
export type GoLiveOf = (unitId: string) => LocalDate | null;

export async function goLiveLookup(deps: Deps): Promise<GoLiveOf> {
  const [tree, scheme] = await Promise.all([deps.units.tree(), deps.scheme()]);
  const cache = new Map<string, LocalDate | null>();
  return (unitId) => {
    if (!cache.has(unitId)) cache.set(unitId, goLiveOf(tree, unitId, scheme.migration));
    return cache.get(unitId) ?? null;
  };
}
