interface StorageEstimateLike {
  quota?: number;
  usage?: number;
  /** Chromium only: usage by kind of storage. */
  usageDetails?: { indexedDB?: number };
}

interface StorageLike {
  estimate?: () => Promise<StorageEstimateLike>;
}

/**
 * Bytes this origin may still store, or undefined where the platform does not say (Node, older
 * browsers). When a restore replaces the vault, the IndexedDB space it frees counts as available where
 * the browser reports it; elsewhere the estimate stays on the safe side.
 */
export async function availableSpace(replacing: boolean): Promise<number | undefined> {
  const storage = (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
  if (typeof storage?.estimate !== 'function') return undefined;
  try {
    const { quota, usage, usageDetails } = await storage.estimate();
    if (typeof quota !== 'number' || typeof usage !== 'number') return undefined;
    const freed = replacing ? (usageDetails?.indexedDB ?? 0) : 0;
    return Math.max(0, quota - usage + freed);
  } catch {
    // No estimate is not a reason to refuse a restore; a full disk still fails cleanly while writing.
    return undefined;
  }
}
