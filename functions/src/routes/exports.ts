/**
 * Exports to xlsx (DESIGN §7): every list with its filters (GET /api/v1/exports/{list}.xlsx?…), a
 * published ranking snapshot with its full breakdown, and a monthly bulletin. Lists are streamed page by
 * page; each export becomes an operation-log entry once its last row is sent (who, what, which filter,
 * how many rows).
 */
import type { Role } from '@jiandu/shared';
import { bulletinExportQuerySchema, snapshotExportQuerySchema, workbookSchema } from '@jiandu/shared/api';
import type { ZodMiniObject as ZodObject } from '@jiandu/shared/zod';
import type { Context } from 'hono';
import type { AppEnv } from '../app/auth-middleware.js';
import { type AccessRule, defineRoute } from '../app/authorize.js';
import { type Deps, nowIso } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import type { Principal } from '../auth/principal.js';
import { LIST_EXPORTS, type SheetContext } from '../sheets/list-exports.js';
import { logOperation } from '../sheets/oplog.js';
import { pagesOf, type SheetSource, streamWorkbook } from '../sheets/xlsx-stream.js';
import { attachment, XLSX_TYPE } from './imports.js';

// `as const`: the route's answer type is then the stream (a Response), not never.
const xlsxResponse = {
  200: { description: 'The workbook (xlsx)', content: { [XLSX_TYPE]: { schema: workbookSchema } } },
} as const;

const exportRoute = <Q extends ZodObject>(access: AccessRule, path: string, summary: string, query: Q) =>
  defineRoute(access, {
    method: 'get',
    path: `/api/v1/exports/${path}.xlsx`,
    tags: ['exports'],
    summary,
    request: { query },
    responses: { ...xlsxResponse },
  });

async function sheetContext(deps: Deps): Promise<SheetContext> {
  const tree = await deps.units.tree();
  return {
    unit: (id) => (id ? (tree.byId.get(id)?.name ?? id) : null),
    timeZone: (await deps.scheme()).timeZone,
  };
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

/** The report workbooks load on first use (routes/imports.ts says why). */
const reportExports = () => import('../sheets/report-exports.js');

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
      const q = c.req.valid('query');
      // The first page is read before the stream starts: a refused filter or role answers problem+json.
      const first = await def.page(deps, p, q, undefined);
      const sheet: SheetSource<unknown> = {
        name: def.title,
        columns: def.columns(await sheetContext(deps)),
        pages: pagesOf(first, (cursor) => def.page(deps, p, q, cursor)),
      };
      // Every list filters by unit; the export is logged in the scope asked for, else the caller's unit.
      const scope = typeof q.unitId === 'string' ? q.unitId : p.unitId;
      return respond(deps, c, def.name, `${def.title}-${await today(deps)}.xlsx`, [sheet], scope);
    });
  }
  r.openapi(
    exportRoute(
      'ranking.read',
      'ranking-snapshot',
      'A published ranking snapshot with every dimension and input count',
      snapshotExportQuerySchema,
    ),
    async (c) => {
      const { id } = c.req.valid('query');
      const { snapshotSheets } = await reportExports();
      const s = await snapshotSheets(deps, c.get('principal'), id, await sheetContext(deps));
      return respond(
        deps,
        c,
        'ranking-snapshot',
        s.fileName,
        // Sheets of different row types: a column of one reads only its own rows (SheetSource is invariant).
        s.sheets as SheetSource<unknown>[],
        c.get('principal').unitId,
      );
    },
  );
  r.openapi(
    exportRoute(
      'bulletin.read',
      'bulletin',
      'A monthly bulletin (通报), a sheet per section',
      bulletinExportQuerySchema,
    ),
    async (c) => {
      const { month, unitId } = c.req.valid('query');
      const p = c.get('principal');
      const { bulletinSheets } = await reportExports();
      const b = await bulletinSheets(deps, p, month, unitId, await sheetContext(deps));
      return respond(deps, c, 'bulletin', b.fileName, b.sheets, unitId ?? p.unitId);
    },
  );
  return r;
}
