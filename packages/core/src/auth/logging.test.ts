import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../logger.js';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer } from '../testing/start.js';

describe('auth logging', () => {
  it('logs every failure with ip, username and reason, never the password or the Authorization header', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino({ level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    const server = await startTestServer(exampleServer, { log });
    const wrong = `Basic ${Buffer.from('tester:hunter2-wrong-password').toString('base64')}`;
    const right = server.authorization;
    for (const authorization of [wrong, right]) {
      await server.inject({
        method: 'POST',
        url: '/mcp',
        headers: {
          authorization,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        payload: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'boom', arguments: {} },
        }),
      });
    }
    await server.close();
    const all = lines.join('');
    const refused = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'auth refused');
    expect(refused).toMatchObject({ ip: '127.0.0.1', username: 'tester', reason: 'bad_credentials' });
    expect(all).not.toContain('hunter2-wrong-password');
    expect(all).not.toContain(wrong.slice(6));
    expect(all).not.toContain(right.slice(6));
    expect(all).not.toContain('correct-horse-battery-staple');
    // The thrown bug is logged server-side with its stack, while the client got none.
    expect(all).toContain('tool handler threw');
  });
});

const capture = () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, sink };
};

describe('failed-login log: the username only when plausible', () => {
  it('never logs a username that is not a configured one (a password typed in the wrong field)', async () => {
    const { lines, sink } = capture();
    const log = pino({ level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    const server = await startTestServer(exampleServer, { log });
    const pasted = 'Tr0ub4dor&3-pasted-in-username';
    await server.post(
      { jsonrpc: '2.0', id: 1, method: 'tools/list' },
      {
        authorization: `Basic ${Buffer.from(`${pasted}:whatever`).toString('base64')}`,
      },
    );
    await server.close();
    const refused = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'auth refused');
    expect(refused).toMatchObject({ reason: 'bad_credentials' });
    expect(refused).not.toHaveProperty('username');
    expect(lines.join('')).not.toContain(pasted);
  });
});

describe('log redaction', () => {
  it('hides credentials at any depth a log call is likely to carry them', () => {
    const { lines, sink } = capture();
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    log.info(
      {
        err: { config: { headers: { authorization: 'Basic c2VjcmV0LWEK', Cookie: 'x' } } },
        upstream: { request: { headers: { 'proxy-authorization': 'Basic c2VjcmV0LWIK' } } },
        provider: { options: { apiKey: 'secret-c', api_key: 'secret-d', token: 'secret-e' } },
        a: { b: { c: { password: 'secret-f' } } },
      },
      'nested',
    );
    const out = lines.join('');
    for (const secret of ['c2VjcmV0LWEK', 'c2VjcmV0LWIK', 'secret-c', 'secret-d', 'secret-e', 'secret-f'])
      expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });
});
