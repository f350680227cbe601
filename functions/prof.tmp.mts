import { buildBundle, provideRuntimeSdk } from './src/bundles.ts';
const out = '/tmp/bprof';
for (const n of process.argv.slice(2)) await buildBundle(n as never, out);
await provideRuntimeSdk(out);
