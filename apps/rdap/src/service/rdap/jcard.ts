/**
 * jCard (RFC 7095) as found in RDAP `vcardArray`. Real answers are often off-spec — properties not
 * wrapped in the list, params serialised as the string "{}", an `adr` whose value sits in the next
 * element, no "vcard" tag at all (see fixture bad_response_01.json) — so every read here is defensive:
 * whatever cannot be understood is skipped, never thrown on.
 */
export interface VCard {
  fn: string | null;
  org: string | null;
  kind: string | null;
  emails: string[];
  phones: string[];
  url: string | null;
  /** `cc` parameter of `adr` (RFC 8605) or the country element of its value. */
  country: string | null;
  hasAddress: boolean;
  /** false when the array was present but not understood. */
  wellFormed: boolean;
}

type Prop = [string, unknown, unknown, ...unknown[]];

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isProp = (v: unknown): v is Prop => Array.isArray(v) && v.length >= 3 && typeof v[0] === 'string';

const propsOf = (vcardArray: unknown): { props: Prop[]; wellFormed: boolean } => {
  if (!Array.isArray(vcardArray)) return { props: [], wellFormed: vcardArray === undefined };
  const wellFormed =
    vcardArray.length === 2 && vcardArray[0] === 'vcard' && Array.isArray(vcardArray[1])
      ? (vcardArray[1] as unknown[]).every(isProp)
      : false;
  const items = vcardArray[0] === 'vcard' ? vcardArray.slice(1) : vcardArray;
  const props: Prop[] = [];
  for (const item of items) {
    if (isProp(item)) props.push(item);
    else if (Array.isArray(item)) for (const sub of item) if (isProp(sub)) props.push(sub);
  }
  return { props, wellFormed };
};

const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const parts = v.map(text).filter((s): s is string => s !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return null;
};

const paramsOf = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

const isFax = (prop: Prop): boolean => {
  const type = paramsOf(prop[1]).type;
  return (Array.isArray(type) ? type : [type]).some(
    (t) => typeof t === 'string' && t.toLowerCase() === 'fax',
  );
};

const countryOf = (prop: Prop): string | null => {
  const cc = text(paramsOf(prop[1]).cc);
  if (cc) return cc.toUpperCase();
  const value = prop[3];
  if (!Array.isArray(value)) return null;
  const country = text(value[6]);
  if (!country) return null;
  return /^[a-z]{2}$/i.test(country) ? country.toUpperCase() : country;
};

export const parseVCard = (vcardArray: unknown): VCard => {
  const { props, wellFormed } = propsOf(vcardArray);
  const card: VCard = {
    fn: null,
    org: null,
    kind: null,
    emails: [],
    phones: [],
    url: null,
    country: null,
    hasAddress: false,
    wellFormed,
  };
  for (const prop of props) {
    const name = prop[0].toLowerCase();
    const value = text(prop[3]);
    switch (name) {
      case 'fn':
        card.fn ??= value;
        break;
      case 'org':
        card.org ??= value;
        break;
      case 'kind':
        card.kind ??= value?.toLowerCase() ?? null;
        break;
      case 'email':
        if (value) card.emails.push(value);
        break;
      case 'tel':
        if (value && !isFax(prop)) card.phones.push(value.replace(/^tel:/i, ''));
        break;
      case 'url':
        card.url ??= value;
        break;
      case 'adr':
        card.hasAddress = true;
        card.country ??= countryOf(prop);
        break;
      default:
        break;
    }
  }
  return card;
};
