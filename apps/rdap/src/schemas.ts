import * as z from 'zod/v4';

/** Fields a registry may hide; listed in `redacted` rather than invented or left silently empty. */
export const CONTACT_FIELDS = [
  'handle',
  'name',
  'organisation',
  'country',
  'email',
  'phone',
  'address',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const contactSchema = z.object({
  handle: z.string().nullable().describe('Registry handle (e.g. SEDM254-FRNIC)'),
  organisation: z.string().nullable().describe('Organisation name when public (never a private person)'),
  country: z.string().nullable().describe('ISO country code, or the country as published'),
  redacted: z
    .array(z.enum(CONTACT_FIELDS))
    .describe('Fields the registry redacted (RFC 9537 or a GDPR placeholder like "REDACTED FOR PRIVACY")'),
});
export type Contact = z.infer<typeof contactSchema>;

export const registrarSchema = z.object({
  name: z.string().nullable(),
  iana_id: z.string().nullable().describe('IANA Registrar ID'),
  url: z.string().nullable(),
  abuse_email: z.string().nullable(),
  abuse_phone: z.string().nullable(),
});
export type Registrar = z.infer<typeof registrarSchema>;

export const dsRecordSchema = z.object({
  key_tag: z.number().nullable(),
  algorithm: z.number().nullable(),
  digest_type: z.number().nullable(),
  digest: z.string().nullable(),
});
export type DsRecord = z.infer<typeof dsRecordSchema>;

const isoDate = z.string().nullable().describe('Date as published by the registry (ISO 8601)');

export const domainRecordSchema = z.object({
  query: z.string().describe('The input as given'),
  domain: z.string().describe('Registrable domain in ASCII (punycode)'),
  domain_unicode: z.string().describe('The same domain in Unicode (IDN)'),
  registered: z.boolean().describe('false when the authoritative registry says the name does not exist'),
  statuses: z
    .array(z.string())
    .describe('RDAP statuses (RFC 8056 wording, e.g. "client transfer prohibited")'),
  events: z.object({
    registration: isoDate,
    expiration: isoDate,
    last_changed: isoDate,
    transfer: isoDate,
  }),
  registrar: registrarSchema.nullable(),
  registrant: contactSchema.nullable(),
  admin: contactSchema.nullable(),
  tech: contactSchema.nullable(),
  nameservers: z.array(z.string()),
  dnssec: z.object({
    signed: z.boolean().nullable().describe('null when the registry does not say'),
    ds_records: z.array(dsRecordSchema),
  }),
  source: z.enum(['rdap', 'whois']),
  server: z.string().describe('RDAP base URL or WHOIS host queried'),
  raw_url: z.string().nullable().describe('URL of the raw answer (rdap) or whois://host/name (whois)'),
  registrar_rdap_url: z
    .string()
    .nullable()
    .describe("The registrar's RDAP answer merged in (links[rel=related]), if followed"),
  warnings: z.array(z.string()).describe('What was malformed or missing in the answer (partial data)'),
});
export type DomainRecord = z.infer<typeof domainRecordSchema>;

/** The registration data of a domain nobody holds (or whose answer could not be read): all empty. */
export const noRegistrationData = (): Pick<
  DomainRecord,
  'statuses' | 'events' | 'registrar' | 'registrant' | 'admin' | 'tech' | 'nameservers' | 'dnssec'
> => ({
  statuses: [],
  events: { registration: null, expiration: null, last_changed: null, transfer: null },
  registrar: null,
  registrant: null,
  admin: null,
  tech: null,
  nameservers: [],
  dnssec: { signed: null, ds_records: [] },
});

export const abuseSchema = z
  .object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
  .nullable();

const networkCommon = {
  handle: z.string().nullable(),
  name: z.string().nullable().describe('Network or AS name'),
  type: z.string().nullable(),
  owner: z.string().nullable().describe('Registrant organisation (the holder of the block)'),
  owner_handle: z.string().nullable(),
  country: z.string().nullable(),
  abuse: abuseSchema.describe('Abuse contact, from the entity with role "abuse"'),
  statuses: z.array(z.string()),
  events: z.object({ registration: isoDate, last_changed: isoDate }),
  source: z.literal('rdap'),
  server: z.string(),
  raw_url: z.string(),
  warnings: z.array(z.string()),
};

export const ipRecordSchema = z.object({
  query: z.string(),
  ip_version: z.enum(['v4', 'v6']),
  start_address: z.string().nullable(),
  end_address: z.string().nullable(),
  cidrs: z.array(z.string()).describe('The block as CIDR prefixes'),
  parent_handle: z.string().nullable(),
  ...networkCommon,
});
export type IpRecord = z.infer<typeof ipRecordSchema>;

export const asnRecordSchema = z.object({
  query: z.string(),
  asn: z.number(),
  start_autnum: z.number().nullable(),
  end_autnum: z.number().nullable(),
  ...networkCommon,
});
export type AsnRecord = z.infer<typeof asnRecordSchema>;
