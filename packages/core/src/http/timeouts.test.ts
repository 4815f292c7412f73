import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * Opens a raw socket, writes `head`, then drips one byte every `everyMs` until the server closes the
 * socket or `giveUpMs` passes (the test's own bound). Resolves with what the server sent and whether
 * it closed the socket.
 */
const drip = (url: string, head: string, everyMs: number, giveUpMs: number) =>
  new Promise<{ closed: boolean; received: string; bytesSent: number }>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket: Socket = connect(Number(port), hostname);
    let received = '';
    let bytesSent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(bound);
      socket.destroy();
      resolve({ closed, received, bytesSent });
    };
    const bound = setTimeout(() => finish(false), giveUpMs);
    socket.on('data', (d) => {
      received += d.toString();
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (!socket.destroyed) {
          socket.write('a');
          bytesSent += 1;
        }
      }, everyMs);
    });
  });

describe('slow clients cannot hold a socket', { timeout: 20_000 }, () => {
  it('closes a connection whose headers drip one byte every 2 s', async () => {
    server = await startTestServer(exampleServer, { env: { HTTP_REQUEST_TIMEOUT_MS: '1000' } });
    const result = await drip(server.url, 'POST /mcp HTTP/1.1\r\nHost: x\r\nX-Slow: ', 2000, 8000);
    expect(result.closed).toBe(true);
    expect(result.bytesSent).toBeLessThanOrEqual(2);
  });

  it('closes a connection whose body drips one byte every 2 s', async () => {
    server = await startTestServer(exampleServer, { env: { HTTP_REQUEST_TIMEOUT_MS: '1000' } });
    const head = [
      'POST /mcp HTTP/1.1',
      'Host: x',
      `Authorization: ${server.authorization}`,
      'Content-Type: application/json',
      'Accept: application/json, text/event-stream',
      'Content-Length: 1000',
      '',
      '',
    ].join('\r\n');
    const result = await drip(server.url, head, 2000, 8000);
    expect(result.closed).toBe(true);
    expect(result.bytesSent).toBeLessThanOrEqual(2);
    expect(result.received).toMatch(/^HTTP\/1\.1 408/);
  });
});
