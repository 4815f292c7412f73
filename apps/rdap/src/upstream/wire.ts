import type { Result } from '@mcp/core';
import {
  lenientArray,
  lenientBoolean,
  lenientInt,
  lenientObject,
  lenientText,
  parseUpstream,
} from '@mcp/core';
import * as z from 'zod/v4';

/*
 * The RDAP answers (RFC 9083) as they arrive, read at the client boundary. Only the root must be an
 * object: that is what makes a body an RDAP answer. Every member is lenient — registries send numbers
 * as strings, one event instead of a list, `null` roles (fixture bad_response_01.json) — and unknown
 * members (extensions, `entities` with their jCards, `redacted`, `links`) pass through to the readers
 * that understand them (entities.ts, jcard.ts, redaction.ts), which read them defensively too.
 */

const eventSchema = lenientObject({ eventAction: lenientText(), eventDate: lenientText() });
const nameserverSchema = lenientObject({ ldhName: lenientText(), unicodeName: lenientText() });
const dsSchema = lenientObject({
  keyTag: lenientInt(),
  algorithm: lenientInt(),
  digestType: lenientInt(),
  digest: lenientText(),
});
const cidrSchema = lenientObject({ v4prefix: lenientText(), v6prefix: lenientText(), length: lenientInt() });

export const rdapObjectSchema = z.looseObject({
  objectClassName: lenientText(),
  handle: lenientText(),
  name: lenientText(),
  type: lenientText(),
  country: lenientText(),
  parentHandle: lenientText(),
  startAddress: lenientText(),
  endAddress: lenientText(),
  ipVersion: lenientText(),
  startAutnum: lenientInt(),
  endAutnum: lenientInt(),
  status: lenientArray(lenientText()),
  events: lenientArray(eventSchema),
  nameservers: z
    .unknown()
    .optional()
    .transform((v) => (v === undefined ? undefined : lenientArray(nameserverSchema).parse(v))),
  nameServers: z
    .unknown()
    .optional()
    .transform((v) => (v === undefined ? undefined : lenientArray(nameserverSchema).parse(v))),
  secureDNS: lenientObject({ delegationSigned: lenientBoolean(), dsData: lenientArray(dsSchema) }),
  cidr0_cidrs: lenientArray(cidrSchema),
});

export type RdapObject = z.output<typeof rdapObjectSchema>;

/** An RDAP answer body → its lenient reading, or `upstream_bad_response` naming the JSON path. */
export const parseRdapObject = (body: unknown, upstream: string): Result<RdapObject> =>
  parseUpstream(rdapObjectSchema, body, upstream);

/** One RFC 9224 service: `[entries, urls]`; anything else reads as an empty service and is skipped. */
const serviceSchema = z.unknown().transform((s) => {
  const pair = Array.isArray(s) ? s : [];
  return {
    entries: lenientArray(lenientText()).parse(pair[0]),
    urls: lenientArray(lenientText()).parse(pair[1]),
  };
});

/** A bootstrap file: `services` is its identity (a file without the list cannot route anything). */
export const bootstrapFileSchema = z.looseObject({
  publication: lenientText(),
  services: z.array(serviceSchema),
});
