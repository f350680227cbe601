/** Lambda entry of the HTTP API's `api-records` group (app/route-groups.ts). */
import { recordsGroup } from '../app/groups/records.js';
import { apiGroupHandler } from './api-group.js';

export const handler = apiGroupHandler(recordsGroup);
