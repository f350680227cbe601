/** Lambda entry of the HTTP API's `api-sheets` group (app/route-groups.ts). */
import { sheetsGroup } from '../app/groups/sheets.js';
import { apiGroupHandler } from './api-group.js';

export const handler = apiGroupHandler(sheetsGroup);
