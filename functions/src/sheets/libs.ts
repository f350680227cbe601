/**
 * The spreadsheet libraries, loaded on first use. They weigh several times the rest of the API together,
 * so the Lambda bundle keeps them in a chunk of their own (bundles.ts splits on dynamic imports): every
 * other request starts without loading them, and the handler stays within its size and init budget.
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadCsvParse = async () => (await import('csv-parse/sync')).parse;
export const loadIconv = async () => (await import('iconv-lite')).default;
