/**
 * `npm run verify`: recomputes every record's hash chain, names the first broken link (exit 1), and
 * appends a digest of all chain heads with the date to `<DATA_DIR>/digests.log` (append-only).
 */
import { join, resolve } from 'node:path';
import { runVerify } from '../services/integrity/verify.js';
import { runCli, say } from './run-cli.js';

runCli('verify', ({ deps }, env) => runVerify(deps, join(resolve(env.DATA_DIR), 'digests.log'), say));
