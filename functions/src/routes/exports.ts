/**
 * Exports to xlsx (DESIGN §7): every list with its filters (GET /api/v1/exports/{list}.xlsx?…), a
 * published ranking snapshot with its full breakdown, and a monthly bulletin. Lists are streamed page by
 * page; each export becomes an operation-log entry once its last row is sent (who, what, which filter,
 * how many rows).
 */
import { z } from '@hono/zod-openapi';
import type { Role } from '@jiandu/shared';
import type { Context } from 'hono';
import { newRouter } from '../app/app.js';
import type { AppEnv } from '../app/auth-middleware.js';
import { type AccessRule, defineRoute } from '../app/authorize.js';
import { type Deps, nowIso } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import { LIST_EXPORTS, type UnitNames } from '../sheets/list-exports.js';
import { logOperation } from '../sheets/oplog.js';
import { bulletinSheets, snapshotSheets } from '../sheets/report-exports.js';
import { pagesOf, type SheetSource, streamWorkbook } from '../sheets/xlsx-stream.js';
import { attachment, XLSX_TYPE } from './imports.js';

const xlsxResponse = {
  200: { description: 'The workbook (xlsx)', content: { [XLSX_TYPE]: { schema: z.any() } } },
};

const exportRoute = <Q extends z.ZodObject>(access: AccessRule, path: string, summary: string, query: Q) =>
  defineRoute(access, {
    method: 'get',
    path: `/api/v1/exports/${path}.xlsx`,
    tags: ['exports'],
    summary,
    request: { query },
    responses: { ...xlsxResponse },
  });

async function unitNames(deps: Deps): Promise<UnitNames> {
  const tree = await deps.units.tree();
  return (id) => (id ? (tree.byId.get(id)?.name ?? id) : null);
}

/** The filter as the caller gave it, for the log (paging never applies to an export). */
const filterOf = (c: Context<AppEnv>): Record<string, string> => {
  const q = c.req.query();
  return Object.fromEntries(Object.entries(q).filter(([k]) => k !== 'limit' && k !== 'cursor'));
};

/** Streams the sheets as the response and logs the export when the stream ends. */
async function respond(
  deps: Deps,
  c: Context<AppEnv>,
  target: string,
  fileName: string,
  sheets: readonly SheetSource<unknown>[],
  scopeUnitId: string,
) {
  const p: Principal = c.get('principal');
  const filter = filterOf(c);
  const body = await streamWorkbook(sheets, async (rows, ok) => {
    await logOperation(deps, p, p.roles[0] as Role, {
      at: await nowIso(deps),
      action: 'export',
      target,
      filter,
      rows,
      outcome: ok ? 'complete' : 'failed',
      scopeUnitId,
    });
  });
  return c.body(body, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': attachment(fileName),
    'cache-control': 'no-store',
  });
}

const today = async (deps: Deps) => (await nowIso(deps)).slice(0, 10);

const snapshotQuery = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const bulletinQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .openapi({ description: 'YYYY-MM' }),
  unitId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

export function exportRoutes(deps: Deps) {
  const r = newRouter();
  for (const def of LIST_EXPORTS) {
    const route = exportRoute(
      def.access,
      def.name,
      `${def.title}: the list with its filters, as xlsx (streamed)`,
      def.query,
    );
    r.openapi(route, async (c) => {
      const p = c.get('principal');
      const q = c.req.valid('query' as never);
      // The first page is read before the stream starts: a refused filter or role answers problem+json.
      const first = await def.page(deps, p, q, undefined);
      const unit = await unitNames(deps);
      const sheet: SheetSource<unknown> = {
        name: def.title,
        columns: def.columns(unit),
        pages: pagesOf(first, (cursor) => def.page(deps, p, q, cursor)),
      };
      const scope = (q as { unitId?: string }).unitId ?? p.unitId;
      return respond(deps, c, def.name, `${def.title}-${await today(deps)}.xlsx`, [sheet], scope) as never;
    });
  }
  r.openapi(
    exportRoute(
      'ranking.read',
      'ranking-snapshot',
      'A published ranking snapshot with every dimension and input count',
      snapshotQuery,
    ),
    async (c) => {
      const { id } = c.req.valid('query');
      const s = await snapshotSheets(deps, c.get('principal'), id, await unitNames(deps));
      return respond(
        deps,
        c,
        'ranking-snapshot',
        s.fileName,
        s.sheets as SheetSource<unknown>[],
        c.get('principal').unitId,
      ) as never;
    },
  );
  r.openapi(
    exportRoute('bulletin.read', 'bulletin', 'A monthly bulletin (通报), a sheet per section', bulletinQuery),
    async (c) => {
      const { month, unitId } = c.req.valid('query');
      const p = c.get('principal');
      const b = await bulletinSheets(deps, p, month, unitId, await unitNames(deps));
      return respond(deps, c, 'bulletin', b.fileName, b.sheets, unitId ?? p.unitId) as never;
    },
  );
  return r;
}
