import { parse as parseHost } from 'tldts';

/** A public web address and its registrable domain; null for an IP, a private suffix or garbage. */
export const siteOf = (input: string): { url: string; domain: string } | null => {
  const withScheme = /^https?:\/\//i.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  const host = parseHost(url.hostname);
  if (!host.domain || !host.isIcann || host.isIp) return null;
  return { url: url.href, domain: host.domain };
};
