import * as z from 'zod/v4';

const url = z.url({ protocol: /^https?$/ });
const ms = (def: number) => z.coerce.number().int().positive().default(def);

/** The rdap app's own env variables, validated once at start-up with core's. */
export const rdapEnv = z.object({
  RDAP_BOOTSTRAP_URL: url.default('https://data.iana.org/rdap/'),
  RDAP_FR_BASE_URL: url.optional(),
  RDAP_SERVERS_OVERRIDE_URL: url.optional(),
  WHOIS_HOST: z.string().min(1).optional(),
  WHOIS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  RDAP_TIMEOUT_MS: ms(10_000),
  WHOIS_TIMEOUT_MS: ms(10_000),
  WHOIS_MAX_BYTES: ms(256 * 1024),
  RDAP_CACHE_TTL_S: z.coerce.number().int().min(0).default(600),
  RDAP_BOOTSTRAP_TTL_S: z.coerce.number().int().positive().default(86_400),
  RDAP_RATE_PER_SECOND: z.coerce.number().positive().default(5),
  RDAP_CONCURRENCY_PER_REGISTRY: z.coerce.number().int().min(1).max(20).default(4),
});

export type RdapEnv = z.output<typeof rdapEnv>;
