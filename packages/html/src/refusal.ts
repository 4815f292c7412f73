/** Why a page of outside HTML was not read. */
export type HtmlRefusalReason =
  /** Over `maxBytes`. */
  | 'too_large'
  /** Nested deeper than `maxDepth`. */
  | 'too_deep'
  /** The parse ran past `timeoutMs`; its worker was stopped. */
  | 'timeout'
  /** The worker died (out of memory) or the parse threw. */
  | 'crashed'
  /** Every worker busy and the queue full. */
  | 'busy'
  /** The caller gave up (its signal aborted). */
  | 'aborted';

export interface HtmlRefusal {
  reason: HtmlRefusalReason;
  message: string;
  limit?: number;
  measured?: number;
}

export type HtmlOutcome<T> = { ok: true; value: T } | { ok: false; error: HtmlRefusal };

/** Refusals that say the page itself is hostile or broken (rather than the server being busy). */
export const isPageFault = (refusal: HtmlRefusal): boolean =>
  refusal.reason !== 'busy' && refusal.reason !== 'aborted';
