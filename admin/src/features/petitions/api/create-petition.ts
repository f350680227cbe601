/** Registering a petition (supervisor), with the draft's Idempotency-Key so a retry never registers it twice. */

import type { PetitionInput } from '@jiandu/shared';
import type { DuplicateOf, PetitionView } from '@jiandu/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { petitionKeys } from './petitions.js';

export function useCreatePetition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: PetitionInput; key: string }) =>
      api.post<PetitionView | DuplicateOf>(`${API}/petitions`, body, { 'idempotency-key': key }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: petitionKeys.all }),
  });
}
