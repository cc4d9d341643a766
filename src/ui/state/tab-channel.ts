import { DEFAULT_DB_NAME } from '../../core/vault/db';
import type { StructuralOperation } from '../../core/vault/writer-lock';

/** What one tab tells the other tabs of the origin about the vault. */
export type TabMessage =
  /** Locked here (by hand, auto-lock or quick exit): every tab locks. */
  | { kind: 'locked' }
  /** A structural operation began here (tabs on the create screen stop offering to create one). */
  | { kind: 'started'; operation: StructuralOperation }
  /** …and ended, well or not: other tabs look again at what is on the device. */
  | { kind: 'finished'; operation: StructuralOperation; ok: boolean }
  /** Evidence, cases or settings changed here: other tabs reload what they show. */
  | { kind: 'changed' };

/** Named after the database, so it says no more about the app than the database name does. */
const CHANNEL = `${DEFAULT_DB_NAME}-events`;

/**
 * The page's end of the tabs' channel (BroadcastChannel; a message is never delivered to the tab that
 * sent it). Without BroadcastChannel each tab stays on its own; the writer lock still keeps them apart.
 */
export function openTabChannel(onMessage: (message: TabMessage) => void): {
  post(message: TabMessage): void;
} {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined };
  const channel = new BroadcastChannel(CHANNEL);
  channel.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as TabMessage | null;
    if (message && typeof message.kind === 'string') onMessage(message);
  });
  return { post: (message) => channel.postMessage(message) };
}

/** Vault calls that change what other tabs show. */
export const CHANGING_CALLS: ReadonlySet<string> = new Set([
  'createCase',
  'updateCase',
  'captureFiles',
  'captureWithoutFile',
  'editItem',
  'deleteItem',
  'inboxFile',
  'inboxDiscard',
  'exportFinish',
  'putRecord',
  'deleteRecord',
  'backupSaved',
  'setBackupReminder',
]);

/** Window event that tells screens to load their vault data again (another tab changed it). */
export const VAULT_CHANGED_EVENT = 'bukti:vault-changed';
