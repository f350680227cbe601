import { useMutation } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { type SignInAnswer, session } from '../../../lib/session.js';

export const signIn = (username: string, password: string) =>
  api.post<SignInAnswer>(`${API}/auth/sign-in`, { username, password });

export const useSignIn = () =>
  useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      signIn(username, password),
    onSuccess: (s) => session.set(s),
  });
