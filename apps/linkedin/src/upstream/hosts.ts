// Which hosts are LinkedIn's, and how LINKEDIN_BASE_URL points every fetch of them elsewhere.

/** `linkedin.com` or one of its subdomains (`www.`, `fr.`, `uk.`, `m.`); never a lookalike. */
export const isLinkedInHost = (host: string): boolean => {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'linkedin.com' || h.endsWith('.linkedin.com');
};

/**
 * Replaces scheme + host (+ port) of a linkedin.com URL with `base` (LINKEDIN_BASE_URL), keeping path
 * and query — how tests send every LinkedIn fetch to a loopback server. Other URLs pass unchanged.
 */
export const rebaseLinkedInUrl = (url: string, base: string | undefined): string => {
  if (!base) return url;
  const target = new URL(url);
  if (!isLinkedInHost(target.hostname)) return url;
  const origin = new URL(base);
  target.protocol = origin.protocol;
  target.host = origin.host;
  return target.toString();
};
