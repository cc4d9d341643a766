import { loadSodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import type { Case, EvidenceFile, EvidenceItem } from '../evidence/model';
import { newId } from '../evidence/model';
import { captureTimeAt, deviceTimeZone } from '../evidence/time';
import { type CustodyEntry, type CustodyRecord, selectCustody } from './custody';
import { keyFingerprint } from './key';
import type { BundleManifest, ExportRecord, IncludedFile, ManifestItem, SensitivePolicy } from './manifest';
import { evidencePath } from './names';

/** What the survivor chose on the export screen. */
export interface ExportOptions {
  sensitive: SensitivePolicy;
  recipientNote?: string;
  /** True when the whole case is exported, false when the survivor picked items. */
  allItems: boolean;
}

export interface PlanInput {
  case: Case;
  /** The items to export, in the order they should appear (usually capture order). */
  items: readonly EvidenceItem[];
  options: ExportOptions;
  /** The vault's whole custody log, oldest first, before this export. */
  custodyLog: readonly CustodyEntry[];
  app: { name: string; version: string };
  /** Defaults: a new UUID, now, the device's time zone. */
  bundleId?: string;
  now?: Date;
  timeZone?: string;
}

/** An original file to stream into the bundle, with the vault record it must match. */
export interface PlannedFile {
  item: EvidenceItem;
  file: EvidenceFile;
  path: string;
}

/**
 * Everything about a bundle that is known before any file is read: the manifest without the report's
 * hash, and which file goes where. The report PDF is built from this, since it must name bundle paths
 * and the bundle id while being itself inside the bundle.
 */
export interface BundlePlan {
  manifest: Omit<BundleManifest, 'report'>;
  files: PlannedFile[];
  /** The custody log to export (other items' entries redacted), before the export entry. */
  custodyRecords: CustodyRecord[];
}

/** Lays out a bundle: bundle id, creation time, signer, and a path for every original file kept. */
export async function planBundle(input: PlanInput, publicKey: Uint8Array): Promise<BundlePlan> {
  const sodium = await loadSodium();
  if (publicKey.length !== 32) throw new BuktiError('bundle.seal.signerFailed');
  const now = input.now ?? new Date();
  const files: PlannedFile[] = [];
  const seen = new Set<string>();
  const items: ManifestItem[] = input.items.map((item) => {
    const omit = input.options.sensitive === 'omit' && item.details.sensitive;
    return {
      ...item,
      files: item.files.map((file) => {
        if (seen.has(file.id)) throw new BuktiError('bundle.seal.duplicateFile', { name: file.originalName });
        seen.add(file.id);
        if (omit) return { omitted: true as const, sha256: file.sha256 };
        const path = evidencePath(files.length + 1, file.originalName, file.mimeType);
        files.push({ item, file, path });
        return includedFile(file, path);
      }),
    };
  });
  const custody = await selectCustody(input.custodyLog, input.case.id, input.items);
  const exportRecord: ExportRecord = {
    sensitive: input.options.sensitive,
    recipientNote: input.options.recipientNote,
    selection: { allItems: input.options.allItems, itemIds: input.items.map((item) => item.id) },
  };
  return {
    manifest: {
      format: 'bukti-bundle',
      version: 1,
      bundleId: input.bundleId ?? newId(),
      createdAt: captureTimeAt(now, input.timeZone ?? deviceTimeZone()),
      app: input.app,
      signer: {
        algorithm: 'Ed25519',
        publicKey: sodium.to_hex(publicKey),
        fingerprint: await keyFingerprint(publicKey),
      },
      case: input.case,
      export: exportRecord,
      items,
      custody: custody.entries,
    },
    files,
    custodyRecords: custody.records,
  };
}

function includedFile(file: EvidenceFile, path: string): IncludedFile {
  return {
    id: file.id,
    path,
    sha256: file.sha256,
    size: file.size,
    mime: file.mimeType,
    originalName: file.originalName,
    lastModified: file.lastModified,
    facts: file.facts,
  };
}
