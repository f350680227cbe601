/**
 * The app's API client instance: the session cookie (HttpOnly, sent by the browser with every
 * same-origin request) authenticates; a 401 ends the session on this device.
 */
import { createApiClient } from './api-client.js';
import { session } from './session.js';

export const api = createApiClient({
  token: () => null,
  onUnauthenticated: () => session.set(null),
});

export const API = '/api/v1';
