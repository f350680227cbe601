/**
 * The OpenAPI document's own fields (its paths are the app's routes): read only where the document is
 * made (app/api-document.ts at build time, compose.ts's document route locally), not by a function
 * serving requests.
 */
import type { DocumentConfig } from './openapi-document.js';
import { TAGS } from './tags.js';

// SPDX's form for a licence without an SPDX id: OpenAPI 3.1's `identifier`, which the typings (3.0's
// LicenseObject) do not know yet — so it is given as a value, not a literal.
const LICENSE = { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' };

/** The document's own fields (its paths are the app's routes). */
export const DOCUMENT: DocumentConfig = {
  openapi: '3.1.0',
  servers: [{ url: '/', description: 'This deployment (the API is served under /api)' }],
  tags: [...TAGS],
  info: {
    title: 'Jiandu (监督) API',
    license: LICENSE,
    contact: { name: 'Jiandu maintainers (the README says where to report a problem)' },
    version: '1.0.0',
    description: 'Supervision and accountability: findings, petitions, opinion, rectifications, rankings.',
  },
};
