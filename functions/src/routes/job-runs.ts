/** Job runs and schedules (issue 7): what the scheduled jobs did, for admins and supervisors. */
import { jobRunListQuerySchema, jobRunPageSchema, scheduleListSchema } from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { json } from './common.js';

const list = defineRoute('jobs.read', {
  method: 'get',
  path: '/api/v1/job-runs',
  tags: ['jobs'],
  summary: 'Runs of the scheduled jobs, newest first: the occurrence each ran for, start, end, counts, error',
  request: { query: jobRunListQuerySchema },
  responses: {
    200: { description: 'A page of runs', content: json(jobRunPageSchema) },
  },
});

const schedules = defineRoute('jobs.read', {
  method: 'get',
  path: '/api/v1/job-runs/schedules',
  tags: ['jobs'],
  summary: "Each job's schedule (cron in the scheme's zone), its last completed occurrence and its next",
  responses: {
    200: { description: 'The schedules', content: json(scheduleListSchema) },
  },
});

export function jobRunRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(list, async (c) =>
    c.json(
      await (await import('../scheduler/job-runs.js')).listJobRuns(
        deps,
        c.get('principal'),
        c.req.valid('query'),
      ),
      200,
    ),
  );
  // croner and the job registry load when the schedules are asked for, not at every cold start.
  r.openapi(schedules, async (c) => {
    const { scheduleStatus } = await import('../scheduler/catch-up.js');
    return c.json({ items: await scheduleStatus(deps) }, 200);
  });
  return r;
}
