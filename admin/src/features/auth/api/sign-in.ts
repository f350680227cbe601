import type { SignedIn, SignInRequest } from '@jiandu/shared/api';
import { useMutation } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { session } from '../../../lib/session.js';

export const signIn = (username: string, password: string) =>
  api.post<SignedIn>(`${API}/auth/sign-in`, { username, password } satisfies SignInRequest);

export const useSignIn = () =>
  useMutation({
    mutationFn: ({ username, password }: SignInRequest) => signIn(username, password),
    onSuccess: (s) => session.set(s),
  });
