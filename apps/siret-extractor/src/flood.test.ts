import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractorServer } from './server.js';

// A flood of extract_batch calls against loopback sites: the process keeps FETCH_CONCURRENCY fetches
// in flight at most, and each HTTP request to /mcp stops at FETCH_BUDGET fetches. Each POST crawls
// its own site (its own port), so the fetches one request made are the requests its site received.
const FETCH_CONCURRENCY = 4;
const FETCH_BUDGET = 30;
const POSTS = 5;

let inFlight = 0;
let peakInFlight = 0;

interface Site {
  server: Server;
  port: number;
  received: number;
}

/** A site with no legal notice anywhere: the crawler tries every path it knows, up to max_pages. */
const startSite = async (): Promise<Site> => {
  const site: Site = { server: createHttpServer(), port: 0, received: 0 };
  site.server.on('request', (req, res) => {
    site.received += 1;
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><body><h1>${req.url}</h1><a href="/a-propos">À propos</a></body></html>`);
    }, 15);
  });
  await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
  site.port = (site.server.address() as AddressInfo).port;
  return site;
};

let sites: Site[];
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  sites = await Promise.all(Array.from({ length: POSTS }, startSite));
  server = await startTestServer(extractorServer, {
    env: {
      ANNUAIRE_BASE_URL: 'http://127.0.0.1:9/',
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: sites.map((s) => s.port).join(','),
      FETCH_CONCURRENCY: String(FETCH_CONCURRENCY),
      FETCH_BUDGET: String(FETCH_BUDGET),
    },
  });
});

afterAll(async () => {
  await server.close();
  await Promise.all(sites.map((s) => new Promise((resolve) => s.server.close(resolve))));
});

const batch = (site: Site) => ({
  jsonrpc: '2.0',
  id: site.port,
  method: 'tools/call',
  params: {
    name: 'extract_batch',
    // 20 sites × up to 5 pages: 100 fetches wanted, over the budget of 30.
    arguments: {
      urls: Array.from({ length: 20 }, (_, i) => `http://127.0.0.1:${site.port}/s${i}/`),
      max_pages: 5,
    },
  },
});

describe('outbound fetch limits under a flood of extract_batch calls', () => {
  it('holds FETCH_CONCURRENCY across requests and FETCH_BUDGET per request, and says the answer was cut short', async () => {
    const answers = await Promise.all(sites.map((site) => server.post(batch(site))));
    for (const [i, res] of answers.entries()) {
      expect(res.statusCode).toBe(200);
      const out = res.json().result.structuredContent;
      expect(out.budget_exhausted).toBe(true);
      // Sites the budget never reached say why they were not read.
      const unread = out.results.filter(
        (r: { error: { code: string } | null }) => r.error?.code === 'rate_limited',
      );
      expect(unread.length).toBeGreaterThan(0);
      expect(sites[i]?.received).toBe(FETCH_BUDGET);
    }
    // Requests being served at once, over all sites. Each fetch holds its slot from DNS to its socket's
    // close on the client side; the site notices a close a poll later, so it counts requests, not sockets.
    expect(peakInFlight).toBe(FETCH_CONCURRENCY);
  }, 30_000);
});
