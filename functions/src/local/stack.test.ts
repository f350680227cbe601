import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../env.js';
import { isLocalEvidence } from '../evidence/local-evidence.js';
import { appendDigest } from '../services/integrity/verify.js';
import { type LocalStack, startLocalStack } from './stack.js';

/** Every directory and file under `dir` (the root too), with its permission bits. */
function modesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string) => {
    const stat = lstatSync(path);
    const name = relative(dir, path) || '.';
    out[stat.isDirectory() ? `${name}/` : name] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
  return out;
}

describe('the local stack keeps DATA_DIR to its owner', () => {
  const root = mkdtempSync(join(tmpdir(), 'jiandu-data-'));
  const dataDir = join(root, '.data');
  const umask = process.umask(0o022); // the usual umask: without care, files 0644 and directories 0755
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    // What an older version left behind: world-readable directories and files.
    mkdirSync(join(dataDir, 'mail'), { recursive: true });
    writeFileSync(join(dataDir, 'mail', 'old.eml'), 'From: jiandu@localhost\r\n\r\nold');
    writeFileSync(join(dataDir, 'digests.log'), 'old line\n');
    for (const dir of [dataDir, join(dataDir, 'mail')]) chmodSync(dir, 0o755);
    for (const file of [join(dataDir, 'mail', 'old.eml'), join(dataDir, 'digests.log')])
      chmodSync(file, 0o644);

    stack = await startLocalStack(readEnv({ DATA_DIR: dataDir }));
  });
  afterAll(async () => {
    await stack?.stop();
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('makes every directory 0700 and every file 0600 (a digest 0400), old and new, the store files too', async () => {
    const { deps } = stack!;
    // Write one of everything the local stack keeps: evidence bytes, a mail, a daily digest, the digest log.
    const bytes = Buffer.from('现场照片');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(isLocalEvidence(deps.evidence)).toBe(true);
    if (!isLocalEvidence(deps.evidence)) return;
    const ticket = await deps.evidence.signUpload(
      { owner: '0123456789abcdef0123456789abcdef', sha256, size: bytes.length, contentType: 'image/jpeg' },
      deps.clock(),
    );
    const put = await deps.evidence
      .routes(deps.clock)
      .request(ticket.url, { method: 'PUT', body: bytes, headers: ticket.headers });
    expect(put.status).toBe(201);
    await deps.mailer!.send({
      to: ['a@example.org'],
      subject: '督办',
      text: '请处理',
      messageId: 'm-1@jiandu',
    });
    const digest = await deps.digests!.write({
      date: '2026-12-02',
      at: '2026-12-02T08:00:00+08:00',
      digest: '0'.repeat(64),
      heads: 0,
      records: 0,
      events: 0,
      broken: 0,
    });
    expect(digest.written).toBe(true);
    await appendDigest(join(dataDir, 'digests.log'), 'new line\n');

    const modes = modesUnder(dataDir);
    const expected = Object.fromEntries(
      Object.keys(modes).map((name) => [
        name,
        name.endsWith('/') ? '700' : name.startsWith('digests/') ? '400' : '600',
      ]),
    );
    expect(modes).toEqual(expected);
    // The tree holds what this test is about: keys, evidence, mail, digests, the store's database, the log.
    expect(Object.keys(modes)).toEqual(
      expect.arrayContaining([
        './',
        'keys/',
        'keys/signing-key.jwk.json',
        'keys/pii-kek.key',
        'keys/pii-hmac.key',
        'keys/evidence-url.key',
        `evidence/0123456789abcdef0123456789abcdef/${sha256}`,
        'mail/old.eml',
        'digests/2026-12-02.json',
        'digests.log',
        'dynamodb/shared-local-instance.db',
      ]),
    );
    expect(
      Object.keys(modes).filter((name) => name.startsWith('mail/') && name.endsWith('.eml')),
    ).toHaveLength(2);
  });
});
