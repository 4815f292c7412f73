import { type Contact, type ContactField, noRegistrationData } from '../../schemas.js';
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

/** AFNIC (whois.nic.fr, also .re .pm .tf .wf .yt) answers "%% No entries found in the AFNIC Database." */
const NOT_FOUND = /no entries found/i;

export const looksLikeAfnic = (text: string): boolean =>
  /AFNIC|FRNIC/.test(text) || /^(holder-c|nic-hdl):/m.test(text);

const afnicContact = (handle: string | null, block: WhoisField[] | undefined): Contact | null => {
  if (!handle) return null;
  const redacted = new Set<ContactField>();
  if (!block) return { handle, organisation: null, country: null, redacted: [] };
  // AFNIC hides private persons ("anonymous: YES"): name, address, phone and e-mail are withheld.
  if (firstValue(block, 'anonymous')?.toUpperCase() === 'YES')
    for (const f of ['name', 'email', 'phone', 'address'] as const) redacted.add(f);
  const isOrg = /^organi[sz]ation$/i.test(firstValue(block, 'type') ?? '');
  let organisation = isOrg ? firstValue(block, 'contact') : null;
  if (isPlaceholder(organisation)) {
    redacted.add('organisation');
    organisation = null;
  }
  let country = firstValue(block, 'country');
  if (isPlaceholder(country)) {
    redacted.add('country');
    country = null;
  }
  return { handle, organisation, country: country?.toUpperCase() ?? null, redacted: [...redacted].sort() };
};

/**
 * The AFNIC text format: a `domain:` block (status, holder-c/admin-c/tech-c handles, registrar,
 * Expiry Date, created, last-update), an `ns-list` block of `nserver:` lines, a `registrar:` block,
 * then one `nic-hdl:` block per contact handle.
 */
export const parseAfnicWhois = (text: string): WhoisParsed => {
  const warnings: string[] = [];
  const blocks = whoisBlocks(text);
  const domainBlock = blocks.find((b) => b[0]?.key === 'domain');
  if (!domainBlock || NOT_FOUND.test(text)) {
    return {
      found: NOT_FOUND.test(text) ? false : null,
      ...noRegistrationData(),
      warnings: NOT_FOUND.test(text) ? [] : ['no "domain:" block in the AFNIC answer'],
    };
  }
  const handles = new Map<string, WhoisField[]>();
  for (const b of blocks) {
    const hdl = b[0]?.key === 'nic-hdl' ? b[0].value : null;
    if (hdl) handles.set(hdl, b);
  }
  const registrarName = firstValue(domainBlock, 'registrar');
  const registrarBlock = blocks.find((b) => b !== domainBlock && b[0]?.key === 'registrar');
  const nsBlock = blocks.find((b) => b.some((f) => f.key === 'nserver')) ?? [];
  const contact = (key: string) => {
    const handle = firstValue(domainBlock, key);
    if (handle && !handles.has(handle)) warnings.push(`no nic-hdl block for ${key} ${handle}`);
    return afnicContact(handle, handle ? handles.get(handle) : undefined);
  };
  const dnssec = firstValue(domainBlock, 'dnssec');
  return {
    found: true,
    statuses: allValues(domainBlock, 'status').map(eppToRdapStatus),
    events: {
      registration: firstValue(domainBlock, 'created'),
      expiration: firstValue(domainBlock, 'expiry date'),
      last_changed: firstValue(domainBlock, 'last-update'),
      transfer: null,
    },
    registrar: registrarName
      ? {
          name: registrarName,
          iana_id: null,
          url: registrarBlock ? firstValue(registrarBlock, 'website') : null,
          abuse_email: registrarBlock ? firstValue(registrarBlock, 'abuse-email', 'abuse e-mail') : null,
          abuse_phone: registrarBlock ? firstValue(registrarBlock, 'abuse-phone') : null,
        }
      : null,
    registrant: contact('holder-c'),
    admin: contact('admin-c'),
    tech: contact('tech-c'),
    nameservers: [...new Set(allValues(nsBlock, 'nserver').map(nameserverName))],
    dnssec: { signed: dnssec ? !/^(no|unsigned|false)/i.test(dnssec) : null, ds_records: [] },
    warnings,
  };
};
