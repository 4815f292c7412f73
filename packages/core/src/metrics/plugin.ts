import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Metrics } from './types.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This server's metrics (METRICS_ENABLED); absent otherwise. */
    metrics?: Metrics;
  }
}

export interface MetricsPluginOptions {
  metrics: Metrics;
}

/**
 * Mounts one server's metrics on its Fastify app: `app.metrics`, every HTTP answer counted by status,
 * and the registry emptied when the app closes. `GET /metrics` is the caller's to mount, inside
 * its authenticated scope (a plugin that breaks encapsulation cannot also sit behind the guard).
 */
const metricsPluginAsync: FastifyPluginAsync<MetricsPluginOptions> = async (app, { metrics }) => {
  app.decorate('metrics', metrics);
  // 'finish' also sees the /mcp answers the SDK writes on a hijacked reply.
  app.addHook('onRequest', async (_request, reply) => {
    reply.raw.once('finish', () => metrics.httpRequests.inc({ status: String(reply.raw.statusCode) }));
  });
  app.addHook('onClose', async () => metrics.registry.clear());
};

export const metricsPlugin = fp(metricsPluginAsync, { fastify: '5.x', name: 'mcp-metrics' });
