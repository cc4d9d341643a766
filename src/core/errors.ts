import type { MessageKey, MessageParams } from './i18n';

/**
 * An expected failure a person can act on. `code` names a message in the catalogue (English and
 * Bahasa Malaysia), so the UI and the CLI show the same words; `params` fill its placeholders.
 * Never carries evidence contents or secrets.
 */
export class BuktiError extends Error {
  readonly code: MessageKey;
  readonly params: MessageParams;

  constructor(code: MessageKey, params: MessageParams = {}, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'BuktiError';
    this.code = code;
    this.params = params;
  }
}

/** True when `error` is a BuktiError with the given code. */
export function isBuktiError(error: unknown, code?: MessageKey): error is BuktiError {
  return error instanceof BuktiError && (code === undefined || error.code === code);
}
