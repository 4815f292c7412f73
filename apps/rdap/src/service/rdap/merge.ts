import type { DomainRecord, Registrar } from '../../schemas.js';

/**
 * Thin registries (Verisign for .com/.net) publish no contacts and sometimes no abuse contact; the
 * registrar's RDAP, linked with rel=related, does. Worth one more request only when something is missing.
 */
export const needsRegistrarData = (r: DomainRecord): boolean =>
  r.registered && (!r.registrant || !r.admin || !r.tech || !r.registrar?.abuse_email || !r.registrar.url);

const mergeRegistrar = (a: Registrar | null, b: Registrar | null): Registrar | null => {
  if (!a || !b) return a ?? b;
  return {
    name: a.name ?? b.name,
    iana_id: a.iana_id ?? b.iana_id,
    url: a.url ?? b.url,
    abuse_email: a.abuse_email ?? b.abuse_email,
    abuse_phone: a.abuse_phone ?? b.abuse_phone,
  };
};

/**
 * The registry stays authoritative for status, dates, nameservers and DNSSEC; the registrar answer only
 * fills what the registry left empty (contacts, abuse, URL). Returns null when it added nothing.
 */
export const mergeRegistrarAnswer = (
  registry: DomainRecord,
  registrar: DomainRecord,
  url: string,
): DomainRecord | null => {
  const merged: DomainRecord = {
    ...registry,
    events: {
      registration: registry.events.registration ?? registrar.events.registration,
      expiration: registry.events.expiration ?? registrar.events.expiration,
      last_changed: registry.events.last_changed ?? registrar.events.last_changed,
      transfer: registry.events.transfer ?? registrar.events.transfer,
    },
    registrar: mergeRegistrar(registry.registrar, registrar.registrar),
    registrant: registry.registrant ?? registrar.registrant,
    admin: registry.admin ?? registrar.admin,
    tech: registry.tech ?? registrar.tech,
    nameservers: registry.nameservers.length > 0 ? registry.nameservers : registrar.nameservers,
  };
  const { warnings: _w, ...before } = registry;
  const { warnings: _w2, ...after } = merged;
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  return {
    ...merged,
    registrar_rdap_url: url,
    warnings: [...registry.warnings, ...registrar.warnings.map((w) => `registrar answer: ${w}`)],
  };
};
