/// <reference lib="webworker" />
import { VaultService } from '../../core/service/vault-service';
import { deriveKeyInWorker } from './kdf-bridge';
import { expose, type RpcMessage } from './rpc';

declare const self: DedicatedWorkerGlobalScope;

// The vault, its keys and all heavy work live here, off the page's thread. Argon2id runs in a nested
// worker of its own that is terminated after each derivation.
const service = new VaultService({ indexedDB, IDBKeyRange }, deriveKeyInWorker, () =>
  self.postMessage({ kind: 'event', name: 'closed' } satisfies RpcMessage),
);
expose(service, self);
