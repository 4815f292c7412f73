import type { FastifyPluginAsync } from 'fastify';

export interface HealthOptions {
  name: string;
  version: string;
}

const OK = JSON.stringify({ status: 'ok' });

/** Public routes: `GET|HEAD /` for load balancers and Docker healthchecks, `/healthz` for humans. */
export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, opts) => {
  const started = Date.now();
  app.route({
    method: ['GET', 'HEAD'],
    url: '/',
    handler: async (_request, reply) => reply.type('application/json').send(OK),
  });
  app.get('/healthz', async () => ({
    status: 'ok',
    name: opts.name,
    version: opts.version,
    uptime_s: Math.round((Date.now() - started) / 1000),
  }));
};
