/** Who is calling: the verified token's subject, roles and home unit. */
import type { Role } from '@jiandu/shared';

export interface Principal {
  id: string;
  name: string;
  roles: Role[];
  /** Home unit: the caller sees records of this unit's subtree only. */
  unitId: string;
}

export const hasRole = (p: Principal, ...roles: Role[]): boolean => roles.some((r) => p.roles.includes(r));
