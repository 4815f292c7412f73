import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startReplayServer } from './replay-server.js';

const get = (port: number, path: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });

describe('startReplayServer', () => {
  it('treats a request path of slashes as a path instead of crashing the process', async () => {
    const server = await startReplayServer([{ path: '////', body: 'slashes' }]);
    try {
      expect(await get(server.port, '////')).toBe(200);
      expect(await get(server.port, '//host/x')).toBe(404);
      expect(server.requests.map((r) => r.path)).toEqual(['////', '//host/x']);
    } finally {
      await server.close();
    }
  });
});
