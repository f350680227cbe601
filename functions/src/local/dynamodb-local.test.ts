import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE } from '../store/table.js';
import { ensureTable } from '../store/table-bootstrap.js';
import { dynamoClient } from './client.js';
import { type DynamoLocal, startDynamoLocal } from './dynamodb-local.js';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** 'connected', or the error code of the attempt (a stuck attempt ends as 'timeout' after 5 s). */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(5_000, () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** 127.0.0.2 and ::1 (loopback, but not the address bound) and every address of the machine's interfaces. */
function otherAddresses(): string[] {
  const machine = Object.entries(networkInterfaces()).flatMap(([name, infos]) =>
    (infos ?? [])
      .filter((i) => !i.internal)
      // A link-local IPv6 address is reachable only through its interface: fe80::1%eth0.
      .map((i) =>
        i.family === 'IPv6' && i.address.startsWith('fe80:') ? `${i.address}%${name}` : i.address,
      ),
  );
  return ['127.0.0.2', '::1', ...machine];
}

async function listenEverywhere(): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // '::' takes IPv4 too (dual stack), as a server bound to all interfaces does.
    server.listen({ host: '::', port: 0 }, resolve);
  });
  return server;
}

async function readItem(endpoint: string, sk: string) {
  const { doc, destroy } = dynamoClient(endpoint);
  try {
    return (await doc.send(new GetCommand({ TableName: TABLE.name, Key: { pk: 'unit#1', sk } }))).Item;
  } finally {
    destroy();
  }
}

describe('DynamoDB Local in memory', () => {
  let store: DynamoLocal;
  beforeAll(async () => {
    store = await startDynamoLocal();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it('answers ListTables on the loopback endpoint of the port it reports', async () => {
    expect(store.endpoint).toBe(`http://127.0.0.1:${store.port}`);
    expect(store.dataDir).toBeUndefined();
    const { client, destroy } = dynamoClient(store.endpoint);
    try {
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    } finally {
      destroy();
    }
  });

  it('listens on 127.0.0.1 only: other loopback addresses and every interface address are refused', async () => {
    const others = otherAddresses();
    // The probe itself can tell an open port: a server on all interfaces answers on every one of them.
    const everywhere = await listenEverywhere();
    try {
      const { port } = everywhere.address() as { port: number };
      for (const host of ['127.0.0.1', ...others]) {
        expect({ host, result: await tryConnect(host, port) }).toEqual({ host, result: 'connected' });
      }
    } finally {
      await new Promise((resolve) => everywhere.close(resolve));
    }

    expect(await tryConnect('127.0.0.1', store.port)).toBe('connected');
    for (const host of others) {
      expect({ host, result: await tryConnect(host, store.port) }).toEqual({ host, result: 'ECONNREFUSED' });
    }
  });

  it('refuses a port that is already taken instead of answering with the other store', async () => {
    await expect(startDynamoLocal({ port: store.port })).rejects.toMatchObject({
      code: 'localStore.portInUse',
    });
  });
});

describe('DynamoDB Local that cannot start', () => {
  it('says so clearly when java cannot be found', async () => {
    await expect(startDynamoLocal({ java: '/nonexistent/bin/java' })).rejects.toMatchObject({
      code: 'localStore.javaNotFound',
    });
  });

  it('gives up after startTimeoutMs', async () => {
    await expect(startDynamoLocal({ startTimeoutMs: 1 })).rejects.toMatchObject({
      code: 'localStore.startTimeout',
    });
  });

  it('reports the last lines java printed when the JVM exits before answering', async () => {
    const failure = startDynamoLocal({ heapMb: 1 });
    await expect(failure).rejects.toMatchObject({ code: 'localStore.exitedEarly' });
    await expect(failure).rejects.toHaveProperty('output', expect.stringMatching(/heap/i));
  });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('DynamoDB Local on disk', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jiandu-dynamo-'));
  const nested = join(dataDir, 'nested');
  let store: DynamoLocal | undefined;
  beforeAll(async () => {
    // What an older version left: a world-readable directory and file.
    mkdirSync(join(nested, 'old'), { recursive: true });
    writeFileSync(join(nested, 'old', 'left-over.db'), 'x');
    chmodSync(nested, 0o755);
    chmodSync(join(nested, 'old'), 0o755);
    chmodSync(join(nested, 'old', 'left-over.db'), 0o644);
    store = await startDynamoLocal({ dataDir: nested });
    const { client, destroy } = dynamoClient(store.endpoint);
    await ensureTable(client);
    destroy();
  });
  afterAll(async () => {
    await store?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its directory 0700 and every file in it 0600, those java created and those left before', async () => {
    expect(modeOf(nested)).toBe(0o700);
    expect(modeOf(join(nested, 'old'))).toBe(0o700);
    expect(modeOf(join(nested, 'old', 'left-over.db'))).toBe(0o600);
    const created = readdirSync(nested).filter((name) => name.endsWith('.db'));
    expect(created).toEqual(['shared-local-instance.db']);
    for (const name of created)
      expect({ name, mode: modeOf(join(nested, name)) }).toEqual({ name, mode: 0o600 });
  });

  it('keeps an item across a stop and a restart on the same directory', async () => {
    const first = store!;
    const { doc, destroy } = dynamoClient(first.endpoint);
    await doc.send(
      new PutCommand({ TableName: TABLE.name, Item: { pk: 'unit#1', sk: 'put', name: '东山县' } }),
    );
    destroy();
    await first.stop();
    expect(isAlive(first.pid)).toBe(false);

    store = await startDynamoLocal({ dataDir: nested });
    expect(await readItem(store.endpoint, 'put')).toEqual({ pk: 'unit#1', sk: 'put', name: '东山县' });
  });

  it('kill() ends the process at once, and a transaction cut off by it is all or nothing', async () => {
    const victim = store!;
    const { doc, destroy } = dynamoClient(victim.endpoint);
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: TABLE.name, Item: { pk: 'unit#1', sk: 'tx#a', version: 1 } } },
          { Put: { TableName: TABLE.name, Item: { pk: 'unit#1', sk: 'tx#b', version: 1 } } },
        ],
      }),
    );
    destroy();
    await victim.kill();
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(isAlive(victim.pid)).toBe(false);

    store = await startDynamoLocal({ dataDir: nested });
    // Measured: a transaction acknowledged a moment before SIGKILL can vanish (more often on a loaded
    // machine), but never in part. So this asserts atomicity, not durability.
    const a = await readItem(store.endpoint, 'tx#a');
    const b = await readItem(store.endpoint, 'tx#b');
    expect(b === undefined).toBe(a === undefined);
    expect(await readItem(store.endpoint, 'put')).toBeDefined();
  });
});
