import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.js';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; a network failure or a 5xx may.
        retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
        // Offline, a read fails at once with a NetworkError (the screen says so) instead of hanging.
        networkMode: 'always',
      },
      // Writes are never paused by the library: the offline outbox decides what waits.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
