import type { Readable } from 'node:stream';

/** Calls `onLine` for every line of a child's output stream (the last, unterminated line too). */
export function forEachLine(stream: Readable, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (pending !== '') onLine(pending);
    pending = '';
  });
}

/** The last `size` lines seen, for error messages; Java stack frames are left out so the cause fits. */
export class LineTail {
  readonly #lines: string[] = [];
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  push(line: string): void {
    if (/^\s+(at |\.\.\. \d+ more)/.test(line) || line.trim() === '') return;
    this.#lines.push(line);
    if (this.#lines.length > this.#size) this.#lines.shift();
  }

  toString(): string {
    return this.#lines.length === 0 ? '(no output)' : this.#lines.join('\n');
  }
}
