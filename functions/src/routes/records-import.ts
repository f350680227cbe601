import { importQuerySchema, recordsImportReportSchema } from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { idParam, json } from './common.js';
import { ANNOTATED_RESPONSE, attachment, UPLOAD_BODY, uploadedFile, XLSX_TYPE } from './imports.js';

const importRoute = defineRoute('history.import', {
  method: 'post',
  path: '/api/v1/imports/past-records',
  tags: ['imports'],
  summary: 'Import past records (历史数据导入): a dry run by default, or a commit',
  description:
    'The body is the file: multipart/form-data with a `file` field, or the raw xlsx/csv with its content type ' +
    '(and its name percent-encoded in `x-file-name`). An xlsx holds a sheet per kind — findings (发现日期, 单位, ' +
    '问题类别, 严重程度, 问题描述 …), petitions (受理编号, 来信人姓名, 身份证号, 渠道, 受理层级, 单位, 类别, 事项, ' +
    '收到时间, 受理时间, 办结时间, 满意度 …), opinion signals (平台, 链接, 标题, 发布时间, 倾向, 等级 …) and ' +
    'indicators (单位, 年度, 指标名称, 目标值, 一季度…四季度累计实际) — each told by its header row; a csv holds ' +
    'one kind. Every past instant must not lie after now (beyond the scheme’s clock skew) nor before its unit was ' +
    'established. At most 4 MiB and 10,000 rows. A commit writes every valid row once: importing the same file ' +
    'again reports each row as a duplicate of the first import.',
  request: {
    query: importQuerySchema,
    body: UPLOAD_BODY,
  },
  responses: {
    200: {
      description: 'The report, sheet by sheet and row by row',
      content: json(recordsImportReportSchema),
    },
  },
});

const annotatedRoute = defineRoute('history.import', {
  method: 'get',
  path: '/api/v1/imports/past-records/{id}/annotated',
  tags: ['imports'],
  summary: 'The imported past-records workbook with a 问题说明 column naming each row’s problems (xlsx)',
  request: { params: idParam },
  responses: {
    200: ANNOTATED_RESPONSE,
  },
});

/** The spreadsheet work loads on first use (imports.ts says why). */
const recordsImport = () => import('../sheets/records-import.js');

export function recordsImportRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(importRoute, async (c) => {
    const p = c.get('principal');
    const { historyImporterRole, importRecords } = await recordsImport();
    historyImporterRole(p);
    const upload = await uploadedFile(c.req, 'past-records');
    const { dryRun } = c.req.valid('query');
    return c.json(await importRecords(deps, p, upload, dryRun !== 'false'), 200);
  });
  r.openapi(annotatedRoute, async (c) => {
    const p = c.get('principal');
    const [{ historyImporterRole }, { annotatedRecords }] = await Promise.all([
      recordsImport(),
      import('../sheets/records-annotated.js'),
    ]);
    historyImporterRole(p);
    const { fileName, bytes } = await annotatedRecords(deps, p, c.req.valid('param').id);
    return c.body(bytes, 200, { 'content-type': XLSX_TYPE, 'content-disposition': attachment(fileName) });
  });
  return r;
}
