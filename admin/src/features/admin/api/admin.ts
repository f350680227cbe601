/** Administration: units, posts (tenures), users and roles, scheme versions. */
import type { Role, Scheme, Tenure, Unit } from '@jiandu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { schemeKeys } from '../../../api/scheme.js';
import { unitKeys } from '../../../api/units.js';
import { API, api } from '../../../lib/api.js';

export interface PublicUser {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  state: 'active' | 'disabled';
  mustChangePassword: boolean;
  /** While a lockout holds (ISO instant), else null. */
  lockedUntil: string | null;
}

export const adminKeys = {
  users: ['users'] as const,
};

export const useTenures = (unitId: string | undefined) =>
  useQuery({
    queryKey: unitKeys.tenures(unitId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: Tenure[] }>(`${API}/units/${unitId}/tenures`, undefined, signal),
    enabled: !!unitId,
  });

export function useCreateTenure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { tenure: Tenure; personName: string }) => api.post<Tenure>(`${API}/tenures`, b),
    onSuccess: (t) => void qc.invalidateQueries({ queryKey: unitKeys.tenures(t.unitId) }),
  });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (u: Unit) => api.post<Unit>(`${API}/units`, u),
    onSuccess: () => void qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export const useUsers = () =>
  useQuery({
    queryKey: adminKeys.users,
    queryFn: ({ signal }) => api.get<{ items: PublicUser[] }>(`${API}/users`, undefined, signal),
  });

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { username: string; name: string; roles: Role[]; unitId: string; password: string }) =>
      api.post<PublicUser>(`${API}/users`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

/** The security administrator's account actions (each ends the user's sessions, but unlock). */
export function useAccountAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      a:
        | { id: string; kind: 'roles'; roles: Role[] }
        | { id: string; kind: 'state'; state: 'active' | 'disabled' }
        | { id: string; kind: 'unlock' }
        | { id: string; kind: 'reset' },
    ): Promise<PublicUser | { user: PublicUser; temporaryPassword: string }> =>
      a.kind === 'roles'
        ? api.request<PublicUser>('PUT', `${API}/users/${a.id}/roles`, { body: { roles: a.roles } })
        : a.kind === 'state'
          ? api.request<PublicUser>('PUT', `${API}/users/${a.id}/state`, { body: { state: a.state } })
          : a.kind === 'unlock'
            ? api.post<PublicUser>(`${API}/users/${a.id}/unlock`, {})
            : api.post<{ user: PublicUser; temporaryPassword: string }>(
                `${API}/users/${a.id}/password-reset`,
                {},
              ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export interface SchemeVersion {
  id: string;
  version: number;
  name: string;
  storedAt: string | null;
  storedBy: string | null;
}

export const useSchemeVersions = () =>
  useQuery({
    queryKey: schemeKeys.versions,
    queryFn: ({ signal }) => api.get<{ items: SchemeVersion[] }>(`${API}/schemes`, undefined, signal),
  });

export const useSchemeVersion = (v: number | undefined) =>
  useQuery({
    queryKey: schemeKeys.version(v ?? 0),
    queryFn: ({ signal }) => api.get<Scheme>(`${API}/schemes/${v}`, undefined, signal),
    enabled: !!v,
  });

export function useStoreScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: unknown) => api.post<Scheme>(`${API}/schemes`, s),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['schemes'] }),
  });
}
