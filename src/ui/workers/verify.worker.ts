/// <reference lib="webworker" />
import { startSha256 } from '../../core/bundle/hash';
import { parseManifest } from '../../core/bundle/manifest-parse';
import { verifyBundle } from '../../core/bundle/verify';
import type { VerifyReport } from '../../core/bundle/verify-report';
import { isBuktiError } from '../../core/errors';
import type { MessageParams } from '../../core/i18n';
import { openZip } from '../../core/zip/archive';
import { readEntry } from '../../core/zip/entry';
import { blobSource, type RandomAccessSource } from '../../core/zip/source';

/** What the page sends: one bundle to check (a File is cloned by reference, not copied), then maybe a cancel. */
export type VerifyRequest = { kind: 'verify'; file: Blob; expectedKey?: string } | { kind: 'cancel' };

/** The app that sealed the bundle, as its manifest names it. */
export interface SealingApp {
  name: string;
  version: string;
}

export type VerifyResponse =
  | { kind: 'progress'; bytesDone: number; bytesTotal: number }
  | { kind: 'done'; report: VerifyReport; app: SealingApp | null }
  | { kind: 'failed'; code: string; params: MessageParams };

declare const self: DedicatedWorkerGlobalScope;

/** Progress is sent at most this often, so a fast check does not flood the page with re-renders. */
const PROGRESS_INTERVAL_MS = 100;

const controller = new AbortController();

self.onmessage = (event: MessageEvent<VerifyRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') controller.abort();
  else void check(request.file, request.expectedKey);
};

async function check(file: Blob, expectedKey: string | undefined): Promise<void> {
  const source = blobSource(file);
  let lastSent = 0;
  try {
    const report = await verifyBundle(source, {
      expectedKey,
      signal: controller.signal,
      onProgress: ({ bytesDone, bytesTotal }) => {
        const now = performance.now();
        if (now - lastSent < PROGRESS_INTERVAL_MS && bytesDone < bytesTotal) return;
        lastSent = now;
        self.postMessage({ kind: 'progress', bytesDone, bytesTotal } satisfies VerifyResponse);
      },
    });
    const app = report.manifest.valid ? await sealingApp(source, report) : null;
    self.postMessage({ kind: 'done', report, app } satisfies VerifyResponse);
  } catch (error) {
    self.postMessage({
      kind: 'failed',
      code: isBuktiError(error) ? error.code : 'verifyUi.failed',
      params: isBuktiError(error) ? error.params : { detail: (error as Error | null)?.name ?? 'error' },
    } satisfies VerifyResponse);
  }
}

/**
 * The manifest's `app`, which the verify report does not carry. manifest.json is read a second time and
 * used only if its SHA-256 is the one the verifier just checked, so a file changed in between shows nothing.
 */
async function sealingApp(source: RandomAccessSource, report: VerifyReport): Promise<SealingApp | null> {
  const checked = report.files.find((file) => file.path === 'manifest.json')?.actualSha256;
  if (!checked) return null;
  try {
    const entry = (await openZip(source)).entries.find((one) => one.name === 'manifest.json');
    if (!entry?.readable) return null;
    const bytes = new Uint8Array(entry.size);
    const hash = await startSha256();
    let at = 0;
    for await (const chunk of readEntry(source, entry)) {
      hash.update(chunk);
      bytes.set(chunk, at);
      at += chunk.length;
    }
    if (hash.hex() !== checked) return null;
    const parsed = parseManifest(bytes);
    return parsed.ok ? { name: parsed.manifest.app.name, version: parsed.manifest.app.version } : null;
  } catch {
    // Only a detail is lost: the verdict above stands on its own.
    return null;
  }
}
