// Exposes src/core to the browser tests, so the vault runs against Chromium's real IndexedDB.
import * as backup from '../../../../src/core/backup';
import { EvidenceRepository } from '../../../../src/core/evidence/repository';
import * as vault from '../../../../src/core/vault';
import { workerChunkReader } from '../../../../src/ui/workers/chunk-reader-bridge';
import { workerChunkWriter } from '../../../../src/ui/workers/chunk-writer-bridge';

(window as unknown as { bukti_core: unknown }).bukti_core = {
  vault,
  backup,
  EvidenceRepository,
  workerChunkWriter,
  workerChunkReader,
};
document.body.dataset.ready = 'true';
