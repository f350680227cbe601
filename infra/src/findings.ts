/** What a synth reports: cdk-nag's (and CDK's own) error and warning annotations, by construct path. */
import type { App, Stack } from 'aws-cdk-lib';

export interface Finding {
  path: string;
  message: string;
}

export interface SynthFindings {
  resources: number;
  errors: Finding[];
  warnings: Finding[];
}

export function synthFindings(app: App, stack: Stack): SynthFindings {
  const artifact = app.synth().getStackArtifact(stack.artifactId);
  const of = (level: string): Finding[] =>
    artifact.messages
      .filter((m) => m.level === level)
      .map((m) => ({ path: m.id, message: String(m.entry.data).split('\n')[0] ?? '' }));
  const resources = Object.keys((artifact.template as { Resources?: object }).Resources ?? {}).length;
  return { resources, errors: of('error'), warnings: of('warning') };
}
