/** Any record's event history (the timeline, with its hash chain). */
import type { History, HistoryCollection } from '@jiandu/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API, api } from '../lib/api.js';

export type { HistoryCollection, HistoryEvent } from '@jiandu/shared/api';

export const eventKeys = {
  of: (collection: HistoryCollection, id: string) => [collection, id, 'events'] as const,
};

export const eventsQuery = (collection: HistoryCollection, id: string) =>
  queryOptions({
    queryKey: eventKeys.of(collection, id),
    queryFn: ({ signal }) => api.get<History>(`${API}/${collection}/${id}/events`, undefined, signal),
  });

export const useEvents = (collection: HistoryCollection, id: string) => useQuery(eventsQuery(collection, id));
