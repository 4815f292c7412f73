import type { DomainRecord } from '../../schemas.js';

/** A parsed WHOIS domain answer: the normalized shape minus what the caller knows (name, server). */
export type WhoisParsed = Pick<
  DomainRecord,
  | 'statuses'
  | 'events'
  | 'registrar'
  | 'registrant'
  | 'admin'
  | 'tech'
  | 'nameservers'
  | 'dnssec'
  | 'warnings'
> & {
  /** false when the registry said the name does not exist; null when the answer could not be read. */
  found: boolean | null;
};
