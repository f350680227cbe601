/** The app's API client instance: the session's token, and sign-out on 401. */
import { createApiClient } from './api-client.js';
import { session } from './session.js';

export const api = createApiClient({
  token: () => session.get()?.token ?? null,
  onUnauthenticated: () => session.set(null),
});

export const API = '/api/v1';
