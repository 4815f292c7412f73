/** What every app requires at run time, in the order the floor server loads them (floor.ts). */
export const FLOOR_LIBRARIES = [
  'fastify',
  '@modelcontextprotocol/server',
  '@modelcontextprotocol/node',
  'pino',
  'zod',
  'undici',
  'lru-cache',
  'ipaddr.js',
] as const;
