/** What the signed-in user may do, from the core's one capability table (menus and buttons follow it). */
import { type Capability, can } from '@jiandu/shared/access';
import { useUser } from './use-session.js';

export function useCan(): (capability: Capability) => boolean {
  const user = useUser();
  return (capability) => can(user.roles, capability);
}
