/** Sign-out: the server ends the session (its cookie and every token of the user); this device forgets it. */
import { API, api } from '../../../lib/api.js';
import { session } from '../../../lib/session.js';

export async function signOut(): Promise<void> {
  try {
    await api.post(`${API}/auth/sign-out`, {});
  } catch {
    // Offline or already signed out: the device forgets the session all the same.
  } finally {
    session.set(null);
  }
}
