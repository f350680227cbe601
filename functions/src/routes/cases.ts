/** 问责: accountability cases — list, read, review, decide with a form, dismiss with a reason, close. */
import { z } from '@hono/zod-openapi';
import { accountabilityCaseSchema, type CaseAction, caseSubjectSchema } from '@jiandu/shared';
import { newRouter } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { actOnCase, caseActionBodies, getCase, listCases } from '../services/cases.js';
import { listQuerySchema } from '../services/lists.js';
import { actionRoute, listRoute, readRoute } from './common.js';

const caseView = accountabilityCaseSchema.extend({
  /** Each subject with the person's current name (null if the person record is missing). */
  subjects: z.array(caseSubjectSchema.extend({ personName: z.string().nullable() })),
  allowedActions: z.array(z.string()),
});

const list = listRoute(
  'case.read',
  'cases',
  listQuerySchema,
  caseView,
  'Accountability cases in your jurisdiction, newest first (filter by state)',
);

const read = readRoute(
  'case.read',
  'cases',
  caseView,
  'Read one case: trigger, subjects with their days in post, state',
  'The case',
);

const step = <T extends z.ZodType>(action: string, body: T, summary: string) =>
  actionRoute('case.act', 'cases', action, body, caseView, { summary, after: 'The case after the step' });

export function caseRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(list, async (c) =>
    c.json((await listCases(deps, c.get('principal'), c.req.valid('query'))) as never, 200),
  );
  r.openapi(read, async (c) =>
    c.json((await getCase(deps, c.get('principal'), c.req.valid('param').id)) as never, 200),
  );
  r.openapi(
    step('review', caseActionBodies.review, 'Take a proposed case under review (inspector)'),
    async (c) => {
      const { expectedVersion } = c.req.valid('json');
      const done = await actOnCase(deps, c.get('principal'), c.req.valid('param').id, expectedVersion, {
        type: 'review',
      });
      return c.json(done as never, 200);
    },
  );
  r.openapi(
    step(
      'decide',
      caseActionBodies.decide,
      'Decide a case under review with a form of accountability (inspector)',
    ),
    async (c) => {
      const { expectedVersion, form, note } = c.req.valid('json');
      const action: CaseAction = { type: 'decide', form, note: note ?? null };
      const done = await actOnCase(
        deps,
        c.get('principal'),
        c.req.valid('param').id,
        expectedVersion,
        action,
        note ?? null,
      );
      return c.json(done as never, 200);
    },
  );
  r.openapi(
    step('dismiss', caseActionBodies.dismiss, 'Dismiss a case, saying why (inspector)'),
    async (c) => {
      const { expectedVersion, reason } = c.req.valid('json');
      const done = await actOnCase(deps, c.get('principal'), c.req.valid('param').id, expectedVersion, {
        type: 'dismiss',
        reason,
      });
      return c.json(done as never, 200);
    },
  );
  r.openapi(
    step('close', caseActionBodies.close, 'Close a decided or dismissed case (inspector)'),
    async (c) => {
      const { expectedVersion, note } = c.req.valid('json');
      const id = c.req.valid('param').id;
      const done = await actOnCase(
        deps,
        c.get('principal'),
        id,
        expectedVersion,
        { type: 'close' },
        note ?? null,
      );
      return c.json(done as never, 200);
    },
  );
  return r;
}
