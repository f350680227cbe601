/** The sizes the app takes, applied before any route module loads (compose.ts). */

/** A JSON body. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Where spreadsheet uploads go (routes/imports.ts …): their own size cap and content types. */
export const UPLOAD_PREFIX = '/api/v1/imports/';

/**
 * The size cap of an upload. A Lambda invocation's payload is at most 6 MB and API Gateway passes a
 * binary body base64-encoded (4/3 larger), so 4 MiB is what fits in AWS; 10,000 ledger rows of usual
 * length fit in it as xlsx or csv.
 */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

/** Room for the multipart envelope around a file of the maximum size. */
export const UPLOAD_ENVELOPE_BYTES = 64 * 1024;
