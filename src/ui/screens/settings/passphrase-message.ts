import type { MessageKey, MessageParams } from '../../../core/i18n';
import type { PassphraseCheck } from '../../../core/vault';

/** What to tell the person after a passphrase was checked: nothing when it was right (or the vault is gone). */
export function passphraseCheckMessage(
  result: PassphraseCheck,
  now: number = Date.now(),
): { key: MessageKey; params?: MessageParams } | null {
  switch (result.kind) {
    case 'wrongPassphrase':
      return { key: 'vault.wrongPassphrase' };
    case 'wait':
      return { key: 'vault.wait', params: { seconds: Math.max(1, Math.ceil((result.until - now) / 1000)) } };
    default:
      return null;
  }
}
