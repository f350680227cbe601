import { importQuerySchema, orgImportReportSchema } from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { idParam, json } from './common.js';
import { ANNOTATED_RESPONSE, attachment, UPLOAD_BODY, uploadedFile, XLSX_TYPE } from './imports.js';

const PATH = '/api/v1/imports/organisation';

const importRoute = defineRoute('org.import', {
  method: 'post',
  path: PATH,
  tags: ['imports'],
  summary: 'Import a county’s organisation (单位, 人员任职): a dry run by default, or a commit',
  description:
    'The body is the workbook: multipart/form-data with a `file` field, or the raw xlsx/csv with its content ' +
    'type (and its name percent-encoded in `x-file-name`). An xlsx may hold a 单位 sheet and a 人员任职 sheet; ' +
    'a csv holds either. At most 4 MiB and 10,000 rows. Parents may come after their children. A commit ' +
    'writes every row without problems once: units already in the system are matched (by code, or by parent ' +
    'and name) and reported as existing, a difference as a conflict, never overwritten.',
  request: {
    query: importQuerySchema,
    body: UPLOAD_BODY,
  },
  responses: {
    200: { description: 'The report, row by row and by sheet', content: json(orgImportReportSchema) },
  },
});

const annotatedRoute = defineRoute('org.import', {
  method: 'get',
  path: `${PATH}/{id}/annotated`,
  tags: ['imports'],
  summary: 'The organisation workbook with a 问题说明 column on each sheet (xlsx)',
  request: { params: idParam },
  responses: {
    200: ANNOTATED_RESPONSE,
  },
});

/** The spreadsheet work loads on first use (imports.ts says why). */
const orgImport = () => import('../sheets/org-import.js');

export function orgImportRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(importRoute, async (c) => {
    const p = c.get('principal');
    const { importOrg, orgImporterRole } = await orgImport();
    orgImporterRole(p);
    const upload = await uploadedFile(c.req, 'organisation');
    const { dryRun } = c.req.valid('query');
    return c.json(await importOrg(deps, p, upload, dryRun !== 'false'), 200);
  });
  r.openapi(annotatedRoute, async (c) => {
    const p = c.get('principal');
    const [{ orgImporterRole }, { annotatedOrg }] = await Promise.all([
      orgImport(),
      import('../sheets/org-annotated.js'),
    ]);
    orgImporterRole(p);
    const { fileName, bytes } = await annotatedOrg(deps, p, c.req.valid('param').id);
    return c.body(bytes, 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': attachment(fileName),
    });
  });
  return r;
}
