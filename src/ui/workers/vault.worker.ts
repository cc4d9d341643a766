/// <reference lib="webworker" />
import { VaultService } from '../../core/service/vault-service';
import { workerChunkReader } from './chunk-reader-bridge';
import { workerChunkWriter } from './chunk-writer-bridge';
import { workerHashing, workerSha256 } from './hash-bridge';
import { deriveKeyInWorker, measureKdfInWorker } from './kdf-bridge';
import { browserImagePreparer, loadReportFonts } from './report-assets';
import { expose, type RpcMessage } from './rpc';
import { browserThumbnailMaker } from './thumbnail-maker';
import { webWriterLock } from './web-writer-lock';

declare const self: DedicatedWorkerGlobalScope;

// The vault, its keys and all heavy work live here, off the page's thread. Argon2id runs in a nested
// worker of its own that is terminated after each derivation; file chunks are stored by another, read
// by others (replaced as they go), and captured files are hashed in others (hash-bridge.ts).
const emit = (name: string, data?: unknown) =>
  self.postMessage({ kind: 'event', name, data } satisfies RpcMessage);
const service = new VaultService(
  {
    indexedDB,
    IDBKeyRange,
    chunkWriter: workerChunkWriter,
    chunkReader: workerChunkReader,
    writerLock: webWriterLock,
  },
  deriveKeyInWorker,
  () => emit('closed'),
  {
    emit,
    thumbnailMaker: browserThumbnailMaker,
    captureHashing: workerHashing,
    // Calibration times Argon2id inside its worker, not the worker's start-up and WebAssembly load.
    measureKdf: measureKdfInWorker,
    exportDeps: {
      fonts: loadReportFonts,
      images: browserImagePreparer,
      zipHash: workerSha256,
      app: { name: 'Bukti', version: __APP_VERSION__ },
    },
  },
);
expose(service, self);
