import { canonicalJson, utf8 } from '../canonical';
import { loadSodium, type Sodium } from '../crypto/sodium';
import { verifySubsequence } from '../custody/verify';
import { BuktiError, isBuktiError } from '../errors';
import type { EvidenceFile } from '../evidence/model';
import type { ZipEntryInput } from '../zip/writer';
import { exportFields, formatCustodyLog } from './custody';
import { startSha256With } from './hash';
import { publicKeyPem } from './key';
import type { BundleManifest } from './manifest';
import type { BundlePlan } from './plan';
import type { SealOptions, SealSources } from './seal';
import { formatSums, type SumsLine } from './sums';
import { verifyText } from './verify-text';

/** One entry as the ZIP writer takes it. */
export type ZipInput = ZipEntryInput & { input: AsyncGenerator<Uint8Array> | Uint8Array };

const cancelled = () => new BuktiError('bundle.seal.cancelled');
const noop = () => undefined;

/** Produces the ZIP entries in bundle order. */
export class BundleWriter {
  private readonly digests = new Map<string, { sha256: string; size: number }>();
  private written: BundleManifest | undefined;
  private sodium: Sodium | undefined;
  /** The file being streamed, so a failure or cancellation can close its source. */
  private active: AsyncGenerator<Uint8Array> | undefined;

  constructor(
    private readonly plan: BundlePlan,
    private readonly sources: SealSources,
    private readonly options: SealOptions,
    private readonly state: { entry: string; entriesDone: number },
  ) {}

  manifest(): BundleManifest {
    if (!this.written) throw new Error('The manifest is only known once the bundle has been written.');
    return this.written;
  }

  /** Stops the file being streamed, releasing its source (a vault file reader). */
  close(): void {
    this.active?.return(undefined).catch(noop);
  }

  async *entries(): AsyncGenerator<ZipInput> {
    const sodium = await loadSodium();
    this.sodium = sodium;
    if (sodium.to_hex(this.options.signer.publicKey) !== this.plan.manifest.signer.publicKey) {
      throw new BuktiError('bundle.seal.signerFailed');
    }
    const lastModified = new Date(this.plan.manifest.createdAt.utc);
    yield this.entry('report.pdf', this.hashed('report.pdf', this.sources.report()), lastModified);
    for (const planned of this.plan.files) {
      const source = this.sources.files.get(planned.file.id);
      if (!source) throw new BuktiError('vault.fileMissing');
      yield this.entry(planned.path, this.original(planned.path, source(), planned.file), lastModified);
    }
    const manifest = this.buildManifest();
    const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);
    const manifestSha256 = sodium.to_hex(sodium.crypto_hash_sha256(manifestBytes));
    const custodyBytes = utf8(formatCustodyLog(await this.custodyWithExport(manifestSha256)));
    const pemBytes = utf8(await publicKeyPem(this.options.signer.publicKey));
    const verifyBytes = utf8(
      verifyText({
        bundleId: manifest.bundleId,
        createdUtc: manifest.createdAt.utc,
        createdLocal: manifest.createdAt.local,
        fingerprint: manifest.signer.fingerprint,
      }),
    );
    const small: [string, Uint8Array][] = [
      ['manifest.json', manifestBytes],
      ['custody-log.jsonl', custodyBytes],
      ['public-key.pem', pemBytes],
      ['VERIFY.txt', verifyBytes],
    ];
    for (const [path, bytes] of small) {
      this.digests.set(path, { sha256: sodium.to_hex(sodium.crypto_hash_sha256(bytes)), size: bytes.length });
    }
    const sums = utf8(formatSums(this.sumsLines()));
    const signature = await this.sign(sums);
    this.written = manifest;
    yield this.entry('manifest.json', manifestBytes, lastModified);
    yield this.entry('custody-log.jsonl', custodyBytes, lastModified);
    yield this.entry('SHA256SUMS', sums, lastModified);
    yield this.entry('SHA256SUMS.sig', signature, lastModified);
    yield this.entry('public-key.pem', pemBytes, lastModified);
    yield this.entry('VERIFY.txt', verifyBytes, lastModified);
  }

  private entry(name: string, input: ZipInput['input'], lastModified: Date): ZipInput {
    if (this.state.entry) this.state.entriesDone++;
    this.state.entry = name;
    this.active = input instanceof Uint8Array ? undefined : input;
    return { name, input, lastModified };
  }

  /** `report.pdf`, hashed as it passes. */
  private async *hashed(path: string, chunks: AsyncIterable<Uint8Array>) {
    const hash = startSha256With(this.sodium as Sodium);
    let size = 0;
    let open = true;
    try {
      for await (const chunk of chunks) {
        if (this.options.signal?.aborted) throw cancelled();
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
      open = false;
      this.digests.set(path, { sha256: hash.hex(), size });
    } finally {
      if (open) hash.hex();
    }
  }

  /**
   * An original, as the vault decrypts it: not hashed again. Its SHA-256 is the one recorded at capture,
   * over the very bytes that were encrypted; each chunk's authenticated decryption (bound to the file and
   * its index, the last one final) proves these are those bytes, unchanged and complete
   * (docs/bundle-format.md, "Hashed once"). Only the size is counted, as a check of the read itself.
   */
  private async *original(path: string, chunks: AsyncIterable<Uint8Array>, captured: EvidenceFile) {
    let size = 0;
    for await (const chunk of chunks) {
      if (this.options.signal?.aborted) throw cancelled();
      size += chunk.length;
      yield chunk;
    }
    if (size !== captured.size) throw new BuktiError('bundle.seal.fileChanged', { name: path });
    this.digests.set(path, { sha256: captured.sha256, size });
  }

  private digest(path: string): { sha256: string; size: number } {
    const digest = this.digests.get(path);
    if (!digest) throw new Error(`${path} was not fully written before the manifest.`);
    return digest;
  }

  private buildManifest(): BundleManifest {
    const planned = this.plan.manifest;
    const manifest: BundleManifest = {
      format: planned.format,
      version: planned.version,
      bundleId: planned.bundleId,
      createdAt: planned.createdAt,
      app: planned.app,
      signer: planned.signer,
      case: planned.case,
      export: planned.export,
      report: { path: 'report.pdf', ...this.digest('report.pdf') },
      items: planned.items,
      custody: planned.custody,
    };
    for (const file of this.plan.files) this.digest(file.path);
    // Refuses anything JSON cannot carry faithfully (undefined in arrays, Dates, NaN) before it is sealed.
    canonicalJson(manifest);
    return manifest;
  }

  private sumsLines(): SumsLine[] {
    const paths = ['report.pdf', ...this.plan.files.map((file) => file.path)];
    paths.push('manifest.json', 'custody-log.jsonl', 'public-key.pem', 'VERIFY.txt');
    return paths.map((path) => ({ path, sha256: this.digest(path).sha256 }));
  }

  /** The exported log plus this export's entry, refused unless it verifies as one chain under the bundle key. */
  private async custodyWithExport(manifestSha256: string) {
    const { manifest } = this.plan;
    const exportEntry = await this.sources.recordExport(
      exportFields({
        caseId: manifest.case.id,
        bundleId: manifest.bundleId,
        manifestSha256,
        fileHashes: this.plan.files.map((planned) => planned.file.sha256),
        items: manifest.items.length,
        sensitive: manifest.export.sensitive,
      }),
    );
    const records = [...this.plan.custodyRecords, exportEntry];
    const chain = await verifySubsequence(records, { trustedKey: this.options.signer.publicKey });
    if (!chain.ok) throw new BuktiError('bundle.seal.custodyBroken');
    return records;
  }

  /** Signs SHA256SUMS and checks the signature before sealing: a broken signer must not yield a bundle. */
  private async sign(sums: Uint8Array): Promise<Uint8Array> {
    const sodium = this.sodium as Sodium;
    const { signer } = this.options;
    let signature: Uint8Array;
    try {
      signature = await signer.sign(sums);
    } catch (cause) {
      if (isBuktiError(cause)) throw cause;
      throw new BuktiError('bundle.seal.signerFailed', {}, { cause });
    }
    if (signature.length !== 64 || !sodium.crypto_sign_verify_detached(signature, sums, signer.publicKey)) {
      throw new BuktiError('bundle.seal.signerFailed');
    }
    return signature;
  }
}
