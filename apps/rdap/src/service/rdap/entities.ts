import { isRecord, parseVCard, type VCard } from './jcard.js';

/** One RDAP entity, read defensively: null roles, null handles, `entities` as an object, etc. */
export interface RdapEntity {
  roles: string[];
  handle: string | null;
  vcard: VCard;
  publicIds: { type: string; identifier: string }[];
  links: { rel: string | null; href: string }[];
  objectClassName: string | null;
  children: RdapEntity[];
}

const ROLE_ALIASES: Record<string, string> = { tech: 'technical', admin: 'administrative' };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : isRecord(v) ? [v] : []);

export const linksOf = (obj: Record<string, unknown>): { rel: string | null; href: string }[] =>
  listOf(obj.links).flatMap((l) => {
    if (!isRecord(l)) return [];
    const href = str(l.href);
    return href ? [{ rel: str(l.rel)?.toLowerCase() ?? null, href }] : [];
  });

/** Reads `obj.entities` (and their nested entities); `where` names the place in warnings. */
export const entitiesOf = (
  obj: Record<string, unknown>,
  warnings: string[],
  where = 'entities',
): RdapEntity[] => {
  const raw = obj.entities;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) warnings.push(`${where} is not a list; read as one entity`);
  return listOf(raw).flatMap((item, i) => {
    const at = `${where}[${i}]`;
    if (!isRecord(item)) {
      warnings.push(`${at} is not an object; ignored`);
      return [];
    }
    const roles = Array.isArray(item.roles)
      ? item.roles
          .filter((r): r is string => typeof r === 'string')
          .map((r) => r.trim().toLowerCase())
          .map((r) => ROLE_ALIASES[r] ?? r)
      : [];
    if (roles.length === 0) warnings.push(`${at} has no roles; ignored`);
    const vcard = parseVCard(item.vcardArray);
    if (!vcard.wellFormed) warnings.push(`${at}.vcardArray is malformed; read what could be read`);
    const publicIds = listOf(item.publicIds).flatMap((p) => {
      if (!isRecord(p)) return [];
      const type = str(p.type);
      const identifier =
        str(p.identifier) ?? (typeof p.identifier === 'number' ? String(p.identifier) : null);
      return type && identifier ? [{ type, identifier }] : [];
    });
    return [
      {
        roles,
        handle: str(item.handle),
        vcard,
        publicIds,
        links: linksOf(item),
        objectClassName: str(item.objectClassName),
        children: entitiesOf(item, warnings, `${at}.entities`),
      },
    ];
  });
};

/** The first entity holding `role`: top level first, then nested ones (abuse sits under registrar). */
export const findEntity = (entities: RdapEntity[], role: string): RdapEntity | undefined => {
  const direct = entities.find((e) => e.roles.includes(role));
  if (direct) return direct;
  for (const e of entities) {
    const nested = findEntity(e.children, role);
    if (nested) return nested;
  }
  return undefined;
};

/**
 * The abuse contact of `owner`: a child with role "abuse" — or, in answers that put the abuse
 * contact under a child whose objectClassName is "abuse" with the wrong role, that child.
 */
export const findAbuse = (owner: RdapEntity): RdapEntity | undefined =>
  findEntity(owner.children, 'abuse') ?? owner.children.find((c) => c.objectClassName === 'abuse');
