/**
 * Proof (DESIGN §5, issue 5): altering any stored event — any field — is found by `npm run verify`
 * (the real command, run as a user would), which names the record and the first broken link and exits 1.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type Harness, startHarness } from '@jiandu/functions/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../support/provided.js';
import { seeded } from '../support/random.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const TABLE = `tamper${Date.now().toString(36)}`;

let h: Harness;
let dataDir: string;

async function verifyCommand(): Promise<{ code: number; out: string }> {
  try {
    const r = await run('npm', ['run', '--silent', 'verify'], {
      cwd: ROOT,
      env: { ...process.env, DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: TABLE, DATA_DIR: dataDir },
    });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

let endpoint: string;

beforeAll(async () => {
  endpoint = inject('dynamoEndpoint');
  dataDir = mkdtempSync(join(tmpdir(), 'jiandu-verify-'));
  h = await startHarness({ tableName: TABLE });
  const inspector = await h.token('inspector');
  const officer = await h.token('unit_officer', 'ds-a');
  for (let i = 0; i < 3; i++) {
    const f = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: {
        unitId: 'ds-a',
        category: 'formalism',
        severity: 'general',
        source: 'inspection',
        description: `篡改测试${i}`,
        discoveredOn: '2025-05-01',
      },
    });
    const { rectificationId } = (await f.json()) as { rectificationId: string };
    await h.call('POST', `/api/v1/rectifications/${rectificationId}/actions`, {
      token: officer,
      body: { action: { type: 'start' }, expectedVersion: 1 },
    });
  }
});
afterAll(() => {
  h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function events(): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await h.deps.doc.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: start }));
    for (const item of r.Items ?? []) if (String(item.sk).startsWith('E#')) out.push(item);
    start = r.LastEvaluatedKey;
  } while (start);
  return out.sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}

describe('tampering with the ledger', () => {
  it('passes verify untouched, and each altered event is named by record and link', async () => {
    const clean = await verifyCommand();
    expect(clean.code).toBe(0);
    expect(readFileSync(join(dataDir, 'digests.log'), 'utf8').trim().split('\n')).toHaveLength(1);
    const all = await events();
    expect(all.length).toBeGreaterThanOrEqual(6);
    const rnd = seeded(7);
    const fields = ['actorId', 'at', 'action', 'reason', 'after', 'before', 'role', 'prevHash'];
    for (let round = 0; round < 3; round++) {
      const victim = all[rnd.nextInt(0, all.length - 1)]!;
      const field = fields[rnd.nextInt(0, fields.length - 1)]!;
      const altered = {
        ...victim,
        [field]: field === 'after' || field === 'before' ? { forged: round } : `forged-${round}`,
      };
      await h.deps.doc.send(new PutCommand({ TableName: TABLE, Item: altered }));
      const r = await verifyCommand();
      expect(r.code).toBe(1);
      expect(r.out).toContain(String(victim.recordKey));
      expect(r.out).toMatch(new RegExp(`seq\\D{0,3}${victim.seq}`));
      await h.deps.doc.send(new PutCommand({ TableName: TABLE, Item: victim }));
    }
    expect((await verifyCommand()).code).toBe(0);
  });
});
