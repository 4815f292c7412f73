/** One HTTP exchange, reduced to what the checks and their diagnoses need. */
export type Probe =
  | {
      kind: 'response';
      status: number;
      headers: Headers;
      contentType: string;
      /** The first 4 kB of the body. */
      body: string;
      ms: number;
    }
  | { kind: 'network'; code: string; message: string; ms: number };

const networkCode = (error: unknown): { code: string; message: string } => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError')
    return { code: 'TIMEOUT', message: 'no answer before the timeout' };
  return {
    code: cause?.code ?? 'NETWORK',
    message: cause?.message ?? (error as Error).message,
  };
};

export const probe = async (
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<Probe> => {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.headers ?? {},
      ...(init.body === undefined ? {} : { body: init.body }),
      // A redirect is itself a finding: POST bodies do not survive 301/302, so clients must use the final URL.
      redirect: 'manual',
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    const text = await res.text();
    return {
      kind: 'response',
      status: res.status,
      headers: res.headers,
      contentType: res.headers.get('content-type') ?? '',
      body: text.slice(0, 4096),
      ms: performance.now() - started,
    };
  } catch (error) {
    return { kind: 'network', ...networkCode(error), ms: performance.now() - started };
  }
};

export const isHtml = (p: Probe): boolean =>
  p.kind === 'response' && (p.contentType.includes('text/html') || /^\s*<(!doctype|html)/i.test(p.body));

export const jsonBody = (p: Probe): unknown => {
  if (p.kind !== 'response') return undefined;
  try {
    return JSON.parse(p.body);
  } catch {
    return undefined;
  }
};

/** `200 application/json {"status":"ok"}` — for the table, short. */
export const describe = (p: Probe): string => {
  if (p.kind === 'network') return `${p.code}: ${p.message}`;
  const type = p.contentType.split(';')[0] || 'no content-type';
  const body = p.body.replace(/\s+/g, ' ').trim();
  return `${p.status} ${type}${body ? ` ${body.length > 80 ? `${body.slice(0, 77)}…` : body}` : ''}`;
};
