import type { ChangePassword, SignedIn } from '@jiandu/shared/api';
import { useMutation } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { session } from '../../../lib/session.js';

export const changePassword = (b: ChangePassword) =>
  api.request<SignedIn>('PUT', `${API}/account/password`, { body: b });

/** Changes one's password; the answer is the new session (a fresh cookie), kept as the profile. */
export const useChangePassword = () =>
  useMutation({ mutationFn: changePassword, onSuccess: (s) => session.set(s) });
