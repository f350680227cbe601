/** Resident memory of a process, from /proc/<pid>/status (Linux). */
import { readFileSync } from 'node:fs';

/** VmRSS of `pid` in MiB, or NaN when it cannot be read (not Linux, process gone). */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
