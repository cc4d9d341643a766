import { classifyFile } from './classify';
import type { EvidenceFile, EvidenceItem } from './model';
import type { DetailsInput } from './records';
import type { EvidenceRepository, IncomingFile } from './repository';

/** What capturing a batch of files did: the items added, and files whose bytes the case already held. */
export interface CaptureResult {
  added: EvidenceItem[];
  duplicates: Array<{ name: string; itemId: string }>;
}

/**
 * Captures files into a case, one item per file, in the order given. A file whose bytes are already in
 * the case is not added twice; its existing item is reported. The next file is read and encrypted while
 * the current one's writes commit and its item is added (two files in flight at most, each bounded); if
 * a file fails, the one read ahead is discarded and the items added before it stay.
 */
export async function captureFiles(
  repo: EvidenceRepository,
  caseId: string,
  files: readonly IncomingFile[],
  details: DetailsInput,
  /** Called once each item is stored (thumbnails start here); it must not throw. */
  afterAdded: (file: EvidenceFile, incoming: IncomingFile) => void = () => undefined,
): Promise<CaptureResult> {
  const added: EvidenceItem[] = [];
  const duplicates: CaptureResult['duplicates'] = [];
  // The case's fingerprints are read once per batch, not once per file.
  const known = new Map<string, string>();
  for (const item of await repo.listItems(caseId)) for (const f of item.files) known.set(f.sha256, item.id);
  const importAt = (index: number) => {
    const incoming = files[index];
    if (incoming === undefined) return undefined;
    const imported = repo.importFile(incoming);
    // A file read ahead may fail before its turn; the failure is reported when its turn comes.
    imported.catch(() => undefined);
    return imported;
  };
  let next = importAt(0);
  for (let index = 0; next !== undefined; index++) {
    const current = next;
    next = importAt(index + 1);
    try {
      const incoming = files[index] as IncomingFile;
      const file = await current;
      const existing = known.get(file.sha256);
      if (existing) {
        await repo.discardFiles([file]);
        duplicates.push({ name: incoming.name, itemId: existing });
        continue;
      }
      const kind = classifyFile(incoming.name, incoming.type, incoming.blob.size);
      const item = await repo.addItem({ caseId, kind, details }, [file]);
      known.set(file.sha256, item.id);
      added.push(item);
      afterAdded(file, incoming);
    } catch (error) {
      await discardWhenDone(repo, next);
      throw error;
    }
  }
  return { added, duplicates };
}

/** Waits for an import that is no longer wanted and drops its file, so nothing is left half-done. */
async function discardWhenDone(repo: EvidenceRepository, pending: Promise<EvidenceFile> | undefined) {
  const file = await pending?.catch(() => undefined);
  if (file) await repo.discardFiles([file]).catch(() => undefined);
}
