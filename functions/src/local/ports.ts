import { createServer } from 'node:net';

function listenOnce(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/** A port that is free right now, found by letting the OS pick one on 127.0.0.1. */
export function freePort(): Promise<number> {
  return listenOnce(0, '127.0.0.1');
}

/**
 * Whether `port` can be bound on 127.0.0.1, as DynamoDB Local will bind it. Checked before spawning: if
 * another DynamoDB Local already holds the port, our readiness poll would be answered by *that* process
 * before ours fails to bind, and we would hand out someone else's store.
 */
export async function isPortFree(port: number): Promise<boolean> {
  try {
    await listenOnce(port, '127.0.0.1');
    return true;
  } catch {
    return false;
  }
}
