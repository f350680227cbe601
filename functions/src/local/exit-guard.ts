import type { ChildProcess } from 'node:child_process';

const REGISTRY = Symbol.for('jiandu.local.childrenToKillOnExit');
type Registry = { children: Set<ChildProcess> };
const scope = globalThis as typeof globalThis & { [REGISTRY]?: Registry };

/**
 * Sends SIGKILL to `child` when this Node process exits, so no store outlives its parent. One 'exit'
 * listener per process, even when test runners load this module again per file. ('exit' covers normal
 * ends and process.exit(); a parent killed by a signal it does not handle runs no handler at all —
 * Ctrl-C still reaches java too, as it shares the terminal's process group.)
 */
export function killOnParentExit(child: ChildProcess, exited: Promise<unknown>): void {
  let registry = scope[REGISTRY];
  if (registry === undefined) {
    const created: Registry = { children: new Set() };
    process.on('exit', () => {
      for (const running of created.children) running.kill('SIGKILL');
    });
    scope[REGISTRY] = created;
    registry = created;
  }
  const { children } = registry;
  children.add(child);
  void exited.then(() => children.delete(child));
}
