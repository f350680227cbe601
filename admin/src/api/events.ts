/** Any record's event history (the timeline, with its hash chain). */
import type { LedgerEvent } from '@jiandu/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API, api } from '../lib/api.js';

export type HistoryCollection = 'findings' | 'petitions' | 'signals' | 'rectifications' | 'cases' | 'alerts';

/** An event as the history answers it: the chained event, and the acting user's current name beside it. */
export type HistoryEvent = LedgerEvent & { actorName?: string | null };

export const eventKeys = {
  of: (collection: HistoryCollection, id: string) => [collection, id, 'events'] as const,
};

export const eventsQuery = (collection: HistoryCollection, id: string) =>
  queryOptions({
    queryKey: eventKeys.of(collection, id),
    queryFn: ({ signal }) =>
      api.get<{ items: HistoryEvent[] }>(`${API}/${collection}/${id}/events`, undefined, signal),
  });

export const useEvents = (collection: HistoryCollection, id: string) => useQuery(eventsQuery(collection, id));
