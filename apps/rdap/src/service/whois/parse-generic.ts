import type { Contact, ContactField } from '../../schemas.js';
import { isPlaceholder } from '../redaction.js';
import {
  allValues,
  eppToRdapStatus,
  firstValue,
  nameserverName,
  type WhoisField,
  whoisBlocks,
} from './lines.js';
import type { WhoisParsed } from './types.js';

/** How registries say "no such domain" (ICANN, DENIC "Status: free", EURid/IT "AVAILABLE", …). */
const NOT_FOUND =
  /^\s*(no match|not found|no entries found|no data found|no object found|object does not exist|domain not found)|^\s*status:\s*(free|available)\s*$|the queried object does not exist|is available for registration/im;

const ROLE_PREFIXES = {
  registrant: ['registrant', 'holder', 'owner'],
  admin: ['admin', 'administrative contact', 'admin contact'],
  tech: ['tech', 'technical', 'technical contact', 'tech contact'],
} as const;

const contactOf = (fields: WhoisField[], prefixes: readonly string[]): Contact | null => {
  const pick = (...suffixes: string[]) =>
    firstValue(fields, ...prefixes.flatMap((p) => suffixes.map((s) => (s ? `${p} ${s}` : p))));
  const redacted = new Set<ContactField>();
  const keep = (value: string | null, field: ContactField) => {
    if (!isPlaceholder(value)) return value;
    redacted.add(field);
    return null;
  };
  const handleRaw = firstValue(
    fields,
    ...prefixes.map((p) => `registry ${p} id`),
    ...prefixes.map((p) => `${p} id`),
  );
  const orgRaw = pick('organization', 'organisation', 'org');
  const countryRaw = pick('country', 'country code');
  const nameRaw = pick('name');
  const emailRaw = pick('email', 'e-mail');
  const bare = prefixes.map((p) => firstValue(fields, p)).find((v) => v !== null) ?? null;
  if ([handleRaw, orgRaw, countryRaw, nameRaw, emailRaw, bare].every((v) => v === null)) return null;
  keep(nameRaw, 'name');
  keep(emailRaw, 'email');
  // A section holding only a notice ("Registrant: NOT DISCLOSED!") means the whole contact is withheld.
  if (bare && isPlaceholder(bare))
    for (const f of ['name', 'organisation', 'email', 'phone', 'address'] as const) redacted.add(f);
  const country = keep(countryRaw, 'country');
  return {
    handle: keep(handleRaw, 'handle'),
    organisation: keep(orgRaw, 'organisation'),
    country: country && /^[a-z]{2}$/i.test(country) ? country.toUpperCase() : country,
    redacted: [...redacted].sort(),
  };
};

/** The ICANN-style `Key: Value` layout, and the sectioned variants of several ccTLDs. */
export const parseGenericWhois = (text: string): WhoisParsed => {
  const fields = whoisBlocks(text).flat();
  const found = NOT_FOUND.test(text)
    ? false
    : firstValue(fields, 'domain name', 'domain') !== null
      ? true
      : null;
  const dnssec = firstValue(fields, 'dnssec');
  const registrarName = firstValue(
    fields,
    'registrar',
    'registrar name',
    'sponsoring registrar',
    'registrar organization',
  );
  const registrarUrl = firstValue(fields, 'registrar url', 'registrar website', 'referral url');
  const abuseEmail = firstValue(fields, 'registrar abuse contact email');
  return {
    found,
    statuses: [...new Set(allValues(fields, 'domain status', 'status', 'state').map(eppToRdapStatus))],
    events: {
      registration: firstValue(
        fields,
        'creation date',
        'created',
        'created on',
        'registered on',
        'registration time',
        'registered',
      ),
      expiration: firstValue(
        fields,
        'registry expiry date',
        'registrar registration expiration date',
        'expiry date',
        'expiration date',
        'expire date',
        'expires',
        'paid-till',
      ),
      last_changed: firstValue(
        fields,
        'updated date',
        'last updated',
        'last-update',
        'last modified',
        'changed',
      ),
      transfer: null,
    },
    registrar:
      registrarName || registrarUrl || abuseEmail
        ? {
            name: registrarName,
            iana_id: firstValue(fields, 'registrar iana id'),
            url: registrarUrl,
            abuse_email: abuseEmail,
            abuse_phone: firstValue(fields, 'registrar abuse contact phone'),
          }
        : null,
    registrant: found ? contactOf(fields, ROLE_PREFIXES.registrant) : null,
    admin: found ? contactOf(fields, ROLE_PREFIXES.admin) : null,
    tech: found ? contactOf(fields, ROLE_PREFIXES.tech) : null,
    nameservers: [
      ...new Set(
        allValues(fields, 'name server', 'name servers', 'nameservers', 'nserver', 'nameserver').map(
          nameserverName,
        ),
      ),
    ].filter((n) => n.includes('.')),
    dnssec: {
      signed: dnssec ? /^(signed|yes|true|signeddelegation)/i.test(dnssec) : null,
      ds_records: [],
    },
    warnings: [],
  };
};
