/** Lambda entry of the HTTP API's `api-home` group (app/route-groups.ts): the home page. */
import { homeGroup } from '../app/groups/home.js';
import { apiGroupHandler } from './api-group.js';

export const handler = apiGroupHandler(homeGroup);
