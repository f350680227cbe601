/** What the figures were measured on: cores, memory, CPU model, Node and Java versions. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  memoryGiB: number;
  cpu: string;
  node: string;
  java: string;
  os: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** First line of `java -version` (printed on stderr), e.g. openjdk version "17.0.15" 2025-04-15. */
function javaVersion(): string {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n')[0]?.trim() || 'unknown';
}

function osName(): string {
  try {
    const line = readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('PRETTY_NAME='));
    return line?.slice('PRETTY_NAME='.length).replace(/^"|"$/g, '') ?? process.platform;
  } catch {
    return process.platform;
  }
}

export function describeMachine(): Machine {
  return {
    cores: availableParallelism(),
    memoryGiB: totalmem() / 2 ** 30,
    cpu: cpuModel(),
    node: process.version,
    java: javaVersion(),
    os: osName(),
  };
}
