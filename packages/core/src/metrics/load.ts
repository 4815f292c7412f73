import type { Metrics } from './types.js';

/** prom-client is only imported here, when a server has metrics turned on. */
export const loadMetrics = async (): Promise<Metrics> => (await import('./prometheus.js')).createMetrics();
