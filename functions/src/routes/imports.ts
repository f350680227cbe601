/**
 * 整改台账 import (DESIGN §7): POST a ledger (xlsx or csv; multipart with a `file` field, or the raw
 * file with its content type) for a dry run (the default: a report of every row's problems, nothing
 * written) or a commit (?dryRun=false: the valid rows written, idempotently); GET the same file back
 * with a 问题说明 column.
 */

import { isPlainText, PLAIN_TEXT_MESSAGE } from '@jiandu/shared';
import { importQuerySchema, ledgerImportReportSchema, ledgerUpdateReportSchema } from '@jiandu/shared/api';
import * as z from '@jiandu/shared/zod';
import type { HonoRequest } from 'hono';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
/** Paths under it take file bodies: the app's JSON-only gate and JSON size cap let them through. */
import { MAX_IMPORT_BYTES } from '../app/limits.js';
import { newRouter } from '../app/router.js';
import { idParam, json } from './common.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The bodies an upload may have: a form with the file, or the file itself (as browsers label csv and xlsx). */
const UPLOAD_TYPES = [
  'multipart/form-data',
  XLSX_TYPE,
  'text/csv',
  'application/vnd.ms-excel',
  'text/plain',
  'application/octet-stream',
];

/** An upload route's body in the document: the file itself (or, not listed, a multipart form with it). */
export const UPLOAD_BODY = {
  required: true,
  content: {
    [XLSX_TYPE]: { schema: z.any() },
    'text/csv': { schema: z.any() },
    'application/octet-stream': { schema: z.any() },
  },
};

/** The answer of an annotated-workbook route in the document. */
export const ANNOTATED_RESPONSE = {
  description: 'The annotated workbook',
  content: { [XLSX_TYPE]: { schema: z.any() } },
};

const importRoute = defineRoute('ledger.import', {
  method: 'post',
  path: '/api/v1/imports/rectification-ledger',
  tags: ['imports'],
  summary: 'Import a rectification ledger (整改台账): a dry run by default, or a commit',
  description:
    'The body is the file: multipart/form-data with a `file` field, or the raw xlsx/csv with its content type ' +
    '(and its name percent-encoded in `x-file-name`). At most 4 MiB and 10,000 rows. csv may be UTF-8 (with or ' +
    'without BOM) or GBK/GB18030. A commit writes every valid row once: importing the same file again reports ' +
    'each row as a duplicate of the first import.',
  request: {
    query: importQuerySchema,
    body: UPLOAD_BODY,
  },
  responses: {
    200: { description: 'The report, row by row', content: json(ledgerImportReportSchema) },
  },
});

const updateRoute = defineRoute('rectification.work', {
  method: 'post',
  path: '/api/v1/imports/rectification-ledger/updates',
  tags: ['imports'],
  summary:
    'Update rectifications from a ledger exported from Jiandu and edited offline: a dry run by default',
  description:
    'The round trip: the xlsx of GET /api/v1/exports/rectifications.xlsx (its 记录编号 and 版本 columns), with ' +
    'measures, progress and status edited offline. Each row updates its record by id through the workflow ' +
    '(your own audited writes); a row whose 版本 is not the record’s current version is a conflict and is ' +
    'not applied. Same body forms and limits as the ledger import.',
  request: {
    query: importQuerySchema,
    body: UPLOAD_BODY,
  },
  responses: {
    200: { description: 'The report, row by row', content: json(ledgerUpdateReportSchema) },
  },
});

const annotatedRoute = defineRoute('ledger.import', {
  method: 'get',
  path: '/api/v1/imports/{id}/annotated',
  tags: ['imports'],
  summary: 'The imported file with a 问题说明 column naming each row’s problems (xlsx)',
  request: { params: idParam },
  responses: {
    200: ANNOTATED_RESPONSE,
  },
});

const fileNameOf = (raw: string | undefined, fallback: string): string => {
  if (!raw) return fallback;
  try {
    return decodeURIComponent(raw).slice(0, 200) || fallback;
  } catch {
    return fallback;
  }
};

export const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * The file of an upload request: a multipart form's `file` field, or the raw body with its name in
 * `x-file-name` (percent-encoded) — refused with a problem naming the field when it is neither, too
 * large, or named with control characters. Every import route reads its file through it.
 */
export async function uploadedFile(
  req: HonoRequest,
  /** The name a file sent without one gets: `<name>`, `<name>.csv` or `<name>.xlsx`. */
  name: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const ct = req.header('content-type') ?? '';
  let bytes: Uint8Array;
  let fileName: string;
  if (!UPLOAD_TYPES.some((t) => ct.toLowerCase().startsWith(t))) {
    throw new EdgeError('request.unsupportedMediaType', `send the file as ${UPLOAD_TYPES.join(', ')}`, {
      field: 'content-type',
    });
  }
  if (/^multipart\/form-data/i.test(ct)) {
    const form = await req.parseBody().catch(() => {
      throw new EdgeError('request.invalid', 'the multipart body cannot be read', { field: 'file' });
    });
    const file = form.file;
    if (!(file instanceof File)) {
      throw new EdgeError('request.invalid', 'send the file in a `file` field', { field: 'file' });
    }
    bytes = new Uint8Array(await file.arrayBuffer());
    fileName = file.name || name;
  } else {
    bytes = new Uint8Array(await req.arrayBuffer());
    fileName = fileNameOf(req.header('x-file-name'), `${name}.${/csv/i.test(ct) ? 'csv' : 'xlsx'}`);
  }
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new EdgeError('request.tooLarge', `the file exceeds ${MAX_IMPORT_BYTES} bytes`, {
      field: 'file',
    });
  }
  // A file name is free text like any other (stored with the upload and in the operation log).
  if (!isPlainText(fileName)) {
    throw new EdgeError('request.invalid', PLAIN_TEXT_MESSAGE, {
      field: /^multipart\/form-data/i.test(ct) ? 'file' : 'x-file-name',
    });
  }
  return { bytes, fileName };
}

/**
 * The spreadsheet work loads on first use (in the api-sheets Lambda bundle: chunks of their own, not
 * part of a cold start; DESIGN §8's bundle bar).
 */
const ledgerImport = () => import('../sheets/ledger-import.js');

export function importRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(importRoute, async (c) => {
    const p = c.get('principal');
    const { importerRole, importLedger } = await ledgerImport();
    importerRole(p);
    const { bytes, fileName } = await uploadedFile(c.req, 'ledger');
    const { dryRun } = c.req.valid('query');
    const report = await importLedger(deps, p, { bytes, fileName }, dryRun !== 'false');
    return c.json(report, 200);
  });
  r.openapi(updateRoute, async (c) => {
    const upload = await uploadedFile(c.req, 'ledger');
    const { dryRun } = c.req.valid('query');
    const { updateLedger } = await import('../sheets/ledger-updates.js');
    return c.json(await updateLedger(deps, c.get('principal'), upload, dryRun !== 'false'), 200);
  });
  r.openapi(annotatedRoute, async (c) => {
    const p = c.get('principal');
    const [{ importerRole }, { annotatedLedger }] = await Promise.all([
      ledgerImport(),
      import('../sheets/annotated.js'),
    ]);
    importerRole(p);
    const { fileName, bytes } = await annotatedLedger(deps, p, c.req.valid('param').id);
    return c.body(bytes, 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': attachment(fileName),
    });
  });
  return r;
}
