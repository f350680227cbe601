/**
 * Names for ids in answers: people read "张三 (东山县 县委书记)", not a ULID. Events and cases store ids
 * (names change; the chain must not), so answers add the current names beside them, read in one
 * BatchGet per kind. An id without a stored record (e.g. a Cognito user never registered here) has no
 * name (null), and the client shows the id.
 */
import type { Deps } from '../../app/deps.js';
import { SYSTEM_ACTOR } from '../../store/record-store.js';

type Named = { name: string };

export async function namesOf(
  deps: Deps,
  type: 'person' | 'user',
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => id !== SYSTEM_ACTOR.id);
  if (wanted.length === 0) return new Map();
  const found = await deps.store.getMany<Named>(type, wanted);
  return new Map([...found].map(([id, rec]) => [id, rec.data.name]));
}

/** Events with the acting user's name (`actorName`; the system's runs are named by the client). */
export async function withActorNames<E extends { actorId: string }>(
  deps: Deps,
  events: readonly E[],
): Promise<(E & { actorName: string | null })[]> {
  const names = await namesOf(
    deps,
    'user',
    events.map((e) => e.actorId),
  );
  return events.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? null }));
}
