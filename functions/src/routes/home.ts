/** 工作台: every role's home page in one request (issue 17). */
import { homeResponseSchema } from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { homeOf } from '../services/home/home.js';
import { json } from './common.js';

const home = defineRoute('home.read', {
  method: 'get',
  path: '/api/v1/home',
  tags: ['home'],
  summary: 'The home page of your roles: your queues, the jurisdiction’s open work and who is behind',
  responses: { 200: { description: 'The sections your roles may read', content: json(homeResponseSchema) } },
});

export function homeRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(home, async (c) => c.json(await homeOf(deps, c.get('principal')), 200));
  return r;
}
