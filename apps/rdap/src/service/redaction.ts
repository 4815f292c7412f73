import type { ContactField } from '../schemas.js';
import { isRecord } from './rdap/jcard.js';

/**
 * GDPR placeholders registries and registrars print instead of personal data ("REDACTED FOR
 * PRIVACY", "Data Protected", "Not Disclosed", "Non-Public Data", "Statutory Masking Enabled", the
 * ICANN "Please query the RDDS service of the Registrar of Record" …). Such a value is reported as
 * redacted, never passed on as if it were the holder's name.
 */
const PLACEHOLDER =
  /\b(redacted|redaction|privacy|not disclosed|non[- ]public|data protected|withheld|gdpr|masked|masking|registrar of record|contact the registrar|not available from registry)\b/i;

export const isPlaceholder = (value: string | null | undefined): boolean =>
  typeof value === 'string' && PLACEHOLDER.test(value);

export type ContactRole = 'registrant' | 'administrative' | 'technical';

const ROLE_WORDS: [RegExp, ContactRole][] = [
  [/^registrant$/, 'registrant'],
  [/^admin(istrative)?$/, 'administrative'],
  [/^tech(nical)?$/, 'technical'],
];

const FIELD_WORDS: [RegExp, ContactField][] = [
  [/^id$|handle/, 'handle'],
  [/^name$/, 'name'],
  [/^organi[sz]ation$|^org$/, 'organisation'],
  [/country/, 'country'],
  [/e-?mail/, 'email'],
  [/phone|fax/, 'phone'],
  [/street|city|postal|state|province|address/, 'address'],
];

/** "Registry Registrant ID" → [registrant, handle]; "Tech Email" → [technical, email]. */
export const parseRedactionName = (name: string): [ContactRole, ContactField] | undefined => {
  const words = name
    .trim()
    .toLowerCase()
    .replace(/^registry\s+/, '')
    .split(/\s+/);
  const roleWord = words.shift();
  const role = roleWord ? ROLE_WORDS.find(([re]) => re.test(roleWord))?.[1] : undefined;
  const rest = words.join(' ');
  const field = FIELD_WORDS.find(([re]) => re.test(rest))?.[1];
  return role && field ? [role, field] : undefined;
};

/** RFC 9537 `redacted` member → the fields hidden per contact role. */
export const redactionsOf = (body: Record<string, unknown>): Map<ContactRole, Set<ContactField>> => {
  const out = new Map<ContactRole, Set<ContactField>>();
  const list = Array.isArray(body.redacted) ? body.redacted : [];
  for (const item of list) {
    if (!isRecord(item) || !isRecord(item.name)) continue;
    const label = typeof item.name.type === 'string' ? item.name.type : item.name.description;
    if (typeof label !== 'string') continue;
    const parsed = parseRedactionName(label);
    if (!parsed) continue;
    const [role, field] = parsed;
    const set = out.get(role) ?? new Set<ContactField>();
    set.add(field);
    out.set(role, set);
  }
  return out;
};
