/**
 * Hosting companies that legal notices must name (LCEN art. 6): their numbers fill the "Hébergeur"
 * block of countless sites and must never be reported as the site's publisher.
 */
export const KNOWN_HOST_SIRENS: ReadonlyMap<string, string> = new Map([
  ['424761419', 'OVH SAS'],
  ['433115904', 'Scaleway SAS (ex-Online SAS)'],
  ['431303775', 'IONOS SARL (ex-1&1 Internet)'],
  ['423093459', 'Gandi SAS'],
  ['510909807', 'o2switch'],
  ['831001334', 'Amazon Web Services EMEA SARL (succursale française)'],
]);

/** Host brand names; US hosts (Netlify, Vercel, GitHub…) have no SIREN but their names still mark the block. */
export const HOST_NAMES =
  /\b(?:OVH(?:cloud)?|o2switch|Scaleway|Online\s+SAS|IONOS|1\s?&\s?1\s+Internet|Gandi|Amazon\s+Web\s+Services|AWS|Vercel|Netlify|GitHub(?:\s+Pages)?|Cloudflare|Hostinger|LWS|Infomaniak|PlanetHoster|Google\s+Cloud|Firebase|Microsoft\s+Azure|Azure|Heroku|Render|Fly\.io|Wix(?:\.com)?|Squarespace|Shopify|WordPress\.com|Automattic|Hetzner|DigitalOcean|Clever\s+Cloud|alwaysdata|Kinsta|WP\s?Engine|Webflow|Jimdo|GitLab\s+Pages)\b/i;
