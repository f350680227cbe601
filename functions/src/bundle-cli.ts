/** `npm run bundle -w @jiandu/functions`: every Lambda bundle into dist/lambda, with its size. */
import { buildBundles } from './bundles.js';

for (const b of await buildBundles()) {
  process.stdout.write(`${b.name.padEnd(16)} ${(b.bytes / 1024).toFixed(1).padStart(7)} KB  ${b.file}\n`);
}
