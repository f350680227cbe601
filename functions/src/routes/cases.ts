/** 问责: accountability cases — list, read, review, decide with a form, dismiss with a reason, close. */

import type { CaseAction } from '@jiandu/shared';
import { caseListQuerySchema, caseStepBodies, caseViewSchema } from '@jiandu/shared/api';
import type * as z from '@jiandu/shared/zod';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { actOnCase, getCase, listCases } from '../services/cases/cases.js';
import { actionRoute, listRoute, readRoute } from './common.js';

const list = listRoute(
  'case.read',
  'cases',
  caseListQuerySchema,
  caseViewSchema,
  'Accountability cases in your jurisdiction, newest first (filter by state)',
);

const read = readRoute(
  'case.read',
  'cases',
  caseViewSchema,
  'Read one case: trigger, subjects with their days in post, state',
  'The case',
);

const step = <T extends z.core.$ZodType>(action: string, body: T, summary: string) =>
  actionRoute('case.act', 'cases', action, body, caseViewSchema, {
    summary,
    after: 'The case after the step',
  });

export function caseRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(list, async (c) => c.json(await listCases(deps, c.get('principal'), c.req.valid('query')), 200));
  r.openapi(read, async (c) => c.json(await getCase(deps, c.get('principal'), c.req.valid('param').id), 200));
  r.openapi(
    step('review', caseStepBodies.review, 'Take a proposed case under review (inspector)'),
    async (c) => {
      const { expectedVersion } = c.req.valid('json');
      const done = await actOnCase(deps, c.get('principal'), c.req.valid('param').id, expectedVersion, {
        type: 'review',
      });
      return c.json(done, 200);
    },
  );
  r.openapi(
    step(
      'decide',
      caseStepBodies.decide,
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
      return c.json(done, 200);
    },
  );
  r.openapi(step('dismiss', caseStepBodies.dismiss, 'Dismiss a case, saying why (inspector)'), async (c) => {
    const { expectedVersion, reason } = c.req.valid('json');
    const done = await actOnCase(deps, c.get('principal'), c.req.valid('param').id, expectedVersion, {
      type: 'dismiss',
      reason,
    });
    return c.json(done, 200);
  });
  r.openapi(
    step('close', caseStepBodies.close, 'Close a decided or dismissed case (inspector)'),
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
      return c.json(done, 200);
    },
  );
  return r;
}
