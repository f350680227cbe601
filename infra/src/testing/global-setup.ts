/** The Lambda bundles for the run, in a temporary folder: synth needs each handler's asset. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundles } from '@jiandu/functions/bundles';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'jiandu-bundles-'));
  await buildBundles(dir);
  project.provide('bundleDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    bundleDir: string;
  }
}
