/** Every route group, in the order the whole app mounts them (app.ts). */
import { coreGroup } from './core.js';
import type { RouteGroup } from './group.js';
import { homeGroup } from './home.js';
import { rankingsGroup } from './rankings.js';
import { recordsGroup } from './records.js';
import { sheetsGroup } from './sheets.js';

export type { RouteGroup };
export const ALL_GROUPS: readonly RouteGroup[] = [
  coreGroup,
  recordsGroup,
  rankingsGroup,
  sheetsGroup,
  homeGroup,
];
