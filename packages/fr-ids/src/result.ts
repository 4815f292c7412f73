/** Why an identifier was refused; stable strings callers can switch on. */
export type InvalidReason =
  | 'empty'
  | 'non_digit'
  | 'length'
  | 'luhn'
  | 'placeholder'
  | 'prefix'
  | 'key'
  | 'format';

export interface IdError {
  reason: InvalidReason;
  /** One human sentence naming what is wrong, e.g. "SIREN must have 9 digits, got 8". */
  message: string;
}

export type IdResult<T> = { ok: true; value: T } | { ok: false; error: IdError };

export const valid = <T>(value: T): IdResult<T> => ({ ok: true, value });

export const invalid = <T = never>(reason: InvalidReason, message: string): IdResult<T> => ({
  ok: false,
  error: { reason, message },
});
