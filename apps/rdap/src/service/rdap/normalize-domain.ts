import type { Contact, ContactField, DomainRecord, DsRecord, Registrar } from '../../schemas.js';
import type { NormalizedDomain } from '../domain.js';
import { type ContactRole, isPlaceholder, redactionsOf } from '../redaction.js';
import { entitiesOf, findAbuse, findEntity, listOf, type RdapEntity } from './entities.js';
import { isRecord } from './jcard.js';

export interface RdapSource {
  domain: NormalizedDomain;
  /** RDAP base URL queried. */
  server: string;
  /** URL of this answer. */
  rawUrl: string;
}

const EVENT_KEYS = {
  registration: 'registration',
  expiration: 'expiration',
  'last changed': 'last_changed',
  transfer: 'transfer',
} as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && /^\d+$/.test(v)
      ? Number(v)
      : null;

export const statusesOf = (body: Record<string, unknown>): string[] =>
  listOf(body.status)
    .map(str)
    .filter((s): s is string => s !== null)
    .map((s) => s.toLowerCase());

/** First date of each known event action; unknown actions (e.g. "last update of RDAP database") are dropped. */
export const eventsOf = <K extends string>(
  body: Record<string, unknown>,
  keys: Record<string, K>,
): Record<K, string | null> => {
  const out = Object.fromEntries(Object.values<K>(keys).map((k) => [k, null])) as Record<K, string | null>;
  for (const ev of listOf(body.events)) {
    if (!isRecord(ev)) continue;
    const action = str(ev.eventAction)?.toLowerCase();
    const date = str(ev.eventDate);
    const key = action ? keys[action] : undefined;
    if (key && date && out[key] === null) out[key] = date;
  }
  return out;
};

const nameserversOf = (body: Record<string, unknown>, warnings: string[]): string[] => {
  let raw = body.nameservers;
  if (raw === undefined && body.nameServers !== undefined) {
    warnings.push('nameservers published under the non-standard key "nameServers"');
    raw = body.nameServers;
  }
  const names = listOf(raw).flatMap((ns) => {
    if (!isRecord(ns)) return [];
    const name = str(ns.ldhName) ?? str(ns.unicodeName);
    return name ? [name.toLowerCase().replace(/\.$/, '')] : [];
  });
  return [...new Set(names)];
};

const dnssecOf = (body: Record<string, unknown>): DomainRecord['dnssec'] => {
  const sec = isRecord(body.secureDNS) ? body.secureDNS : {};
  const ds_records = listOf(sec.dsData)
    .flatMap((ds): DsRecord[] =>
      isRecord(ds)
        ? [
            {
              key_tag: num(ds.keyTag),
              algorithm: num(ds.algorithm),
              digest_type: num(ds.digestType),
              digest: str(ds.digest),
            },
          ]
        : [],
    )
    .filter((ds) => Object.values(ds).some((v) => v !== null));
  const signed =
    typeof sec.delegationSigned === 'boolean' ? sec.delegationSigned : ds_records.length > 0 ? true : null;
  return { signed, ds_records };
};

export const registrarOf = (entities: RdapEntity[]): Registrar | null => {
  const entity = findEntity(entities, 'registrar');
  if (!entity) return null;
  const abuse = findAbuse(entity);
  const ianaId = entity.publicIds.find((p) => /iana/i.test(p.type))?.identifier ?? null;
  return {
    name: entity.vcard.fn ?? entity.vcard.org,
    iana_id: ianaId,
    url: entity.vcard.url ?? entity.links.find((l) => l.rel === 'about')?.href ?? null,
    abuse_email: abuse?.vcard.emails[0] ?? null,
    abuse_phone: abuse?.vcard.phones[0] ?? null,
  };
};

/** Keeps a public value, or records the field as redacted when the registry printed a placeholder. */
const keep = (value: string | null, field: ContactField, redacted: Set<ContactField>): string | null => {
  if (isPlaceholder(value)) {
    redacted.add(field);
    return null;
  }
  return value;
};

export const contactOf = (
  entity: RdapEntity | undefined,
  hidden: Set<ContactField> | undefined,
): Contact | null => {
  if (!entity && !hidden) return null;
  const redacted = new Set(hidden);
  const card = entity?.vcard;
  // A person's name is never reported as an organisation: `fn` counts only for kind "org".
  const organisation = card?.org ?? (card?.kind === 'org' ? card.fn : null);
  keep(card?.fn ?? null, 'name', redacted);
  for (const email of card?.emails ?? []) keep(email, 'email', redacted);
  for (const phone of card?.phones ?? []) keep(phone, 'phone', redacted);
  const contact: Contact = {
    handle: keep(entity?.handle ?? null, 'handle', redacted),
    organisation: keep(organisation ?? null, 'organisation', redacted),
    country: keep(card?.country ?? null, 'country', redacted),
    redacted: [],
  };
  for (const field of ['handle', 'organisation', 'country'] as const)
    if (redacted.has(field)) contact[field] = null;
  contact.redacted = [...redacted].sort();
  return contact;
};

/**
 * One RDAP domain answer → the app's single shape. Never throws: anything malformed is skipped and
 * named in `warnings`, so a broken registry answer still yields what it does say.
 */
export const normalizeRdapDomain = (body: unknown, source: RdapSource): DomainRecord => {
  const warnings: string[] = [];
  const obj = isRecord(body) ? body : {};
  if (!isRecord(body)) warnings.push('the RDAP answer is not a JSON object');
  else if (str(obj.objectClassName) !== 'domain')
    warnings.push(`objectClassName is ${JSON.stringify(obj.objectClassName ?? null)}, expected "domain"`);
  const entities = entitiesOf(obj, warnings);
  const hidden = redactionsOf(obj);
  const contact = (role: ContactRole) => contactOf(findEntity(entities, role), hidden.get(role));
  return {
    query: source.domain.query,
    domain: source.domain.ascii,
    domain_unicode: source.domain.unicode,
    registered: true,
    statuses: statusesOf(obj),
    events: eventsOf(obj, EVENT_KEYS),
    registrar: registrarOf(entities),
    registrant: contact('registrant'),
    admin: contact('administrative'),
    tech: contact('technical'),
    nameservers: nameserversOf(obj, warnings),
    dnssec: dnssecOf(obj),
    source: 'rdap',
    server: source.server,
    raw_url: source.rawUrl,
    registrar_rdap_url: null,
    warnings,
  };
};

/** The registry's `links[rel=related]` RDAP URL pointing at the registrar's own RDAP service. */
export const relatedRdapUrl = (body: unknown): string | null => {
  if (!isRecord(body)) return null;
  const link = listOf(body.links).find(
    (l) =>
      isRecord(l) &&
      str(l.rel)?.toLowerCase() === 'related' &&
      typeof l.href === 'string' &&
      /^https?:\/\//i.test(l.href) &&
      URL.canParse(l.href) &&
      (l.type === undefined || /rdap\+json/i.test(String(l.type))),
  );
  return isRecord(link) ? (link.href as string) : null;
};
