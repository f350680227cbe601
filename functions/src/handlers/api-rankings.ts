/** Lambda entry of the HTTP API's `api-rankings` group (app/route-groups.ts). */
import { rankingsGroup } from '../app/groups/rankings.js';
import { apiGroupHandler } from './api-group.js';

export const handler = apiGroupHandler(rankingsGroup);
