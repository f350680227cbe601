/** Administration: units, posts (tenures), users and roles, scheme versions. */
import type { Scheme, Tenure, Unit } from '@jiandu/shared';
import type {
  AccountList,
  AccountView,
  PasswordReset,
  SchemePreview,
  SchemeVersions,
  SetRoles,
  SetState,
  TenureInput,
  TenureList,
  TenureUpdate,
  UnitList,
  UnitMergeInput,
  UnitMove,
  UnitMoveInput,
  UserInput,
} from '@jiandu/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { schemeKeys } from '../../../api/scheme.js';
import { unitKeys } from '../../../api/units.js';
import { API, api } from '../../../lib/api.js';

export const adminKeys = {
  users: ['users'] as const,
};

export const useTenures = (unitId: string | undefined) =>
  useQuery({
    queryKey: unitKeys.tenures(unitId ?? ''),
    queryFn: ({ signal }) => api.get<TenureList>(`${API}/units/${unitId}/tenures`, undefined, signal),
    enabled: !!unitId,
  });

export function useCreateTenure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: TenureInput) => api.post<Tenure>(`${API}/tenures`, b),
    onSuccess: (t) => void qc.invalidateQueries({ queryKey: unitKeys.tenures(t.unitId) }),
  });
}

/** 结束任职 / 更正职务名称: the tenure as it then stands. */
export function useUpdateTenure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: TenureUpdate }) =>
      api.request<Tenure>('PATCH', `${API}/tenures/${id}`, { body: change }),
    onSuccess: (t) => void qc.invalidateQueries({ queryKey: unitKeys.tenures(t.unitId) }),
  });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (u: Unit) => api.post<Unit>(`${API}/units`, u),
    onSuccess: (created) => {
      // The directory holds the new unit at once (the screen selects it), then is read again.
      qc.setQueryData<UnitList>(unitKeys.all, (d) =>
        d && !d.items.some((u) => u.id === created.id) ? { ...d, items: [...d.items, created] } : d,
      );
      void qc.invalidateQueries({ queryKey: unitKeys.all });
    },
  });
}

/** 移动 / 合并: a unit under another parent, or units into one, from a day on (撤县设区, 撤乡并镇). */
export function useMoveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      b: ({ kind: 'move'; unitId: string } & UnitMoveInput) | ({ kind: 'merge' } & UnitMergeInput),
    ) =>
      b.kind === 'move'
        ? api.post<UnitMove>(`${API}/units/${b.unitId}/move`, {
            parentId: b.parentId,
            effectiveOn: b.effectiveOn,
            reason: b.reason,
          })
        : api.post<UnitMove>(`${API}/units/merge`, {
            sourceIds: b.sourceIds,
            targetId: b.targetId,
            effectiveOn: b.effectiveOn,
            reason: b.reason,
          }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export const useUsers = () =>
  useQuery({
    queryKey: adminKeys.users,
    queryFn: ({ signal }) => api.get<AccountList>(`${API}/users`, undefined, signal),
  });

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: UserInput) => api.post<AccountView>(`${API}/users`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

/** The security administrator's account actions (each ends the user's sessions, but unlock). */
export function useAccountAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      a:
        | ({ id: string; kind: 'roles' } & SetRoles)
        | ({ id: string; kind: 'state' } & SetState)
        | { id: string; kind: 'unlock' }
        | { id: string; kind: 'reset' },
    ): Promise<AccountView | PasswordReset> =>
      a.kind === 'roles'
        ? api.request<AccountView>('PUT', `${API}/users/${a.id}/roles`, { body: { roles: a.roles } })
        : a.kind === 'state'
          ? api.request<AccountView>('PUT', `${API}/users/${a.id}/state`, { body: { state: a.state } })
          : a.kind === 'unlock'
            ? api.post<AccountView>(`${API}/users/${a.id}/unlock`, {})
            : api.post<PasswordReset>(`${API}/users/${a.id}/password-reset`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export const useSchemeVersions = () =>
  useQuery({
    queryKey: schemeKeys.versions,
    queryFn: ({ signal }) => api.get<SchemeVersions>(`${API}/schemes`, undefined, signal),
  });

export const useSchemeVersion = (v: number | undefined) =>
  useQuery({
    queryKey: schemeKeys.version(v ?? 0),
    queryFn: ({ signal }) => api.get<Scheme>(`${API}/schemes/${v}`, undefined, signal),
    enabled: !!v,
  });

/** What a proposed scheme would change (stores nothing). */
export const usePreviewScheme = () =>
  useMutation({ mutationFn: (s: unknown) => api.post<SchemePreview>(`${API}/schemes/preview`, s) });

export function useStoreScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ scheme, reason }: { scheme: unknown; reason?: string }) =>
      api.post<Scheme>(`${API}/schemes${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`, scheme),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['schemes'] }),
  });
}
