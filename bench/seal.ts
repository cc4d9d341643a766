import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAgeIdentity, identityFileText } from '../src/core/seal';
import { filler, MiB } from './ceiling';
import { type BenchResult, mbPerSecond } from './measure';

/** The size: a 1 GB bundle sealed, then opened, in Node as `bukti open` does. */
const SIZE_MIB = Number(process.env.BENCH_SEAL_MIB ?? 1024);

interface Pass {
  ms: number;
  bytes: number;
  maxRssBytes: number;
}

function pass(mode: 'seal' | 'open' | 'ceiling', input: string, output: string, key: string): Pass {
  const out = execFileSync('npx', ['tsx', 'bench/seal-child.ts', mode, input, output, key], {
    encoding: 'utf8',
    maxBuffer: MiB,
  });
  return JSON.parse(out) as Pass;
}

/**
 * Sealing and opening `SIZE_MIB` with age (X25519 recipient), file to file, each pass in a process of its
 * own; the ceiling is libsodium's ChaCha20-Poly1305 over the same file in 64 KiB chunks, measured around
 * them. Peak memory is each process's maxRSS, to compare with the export's bound (largest file + 128 MiB).
 */
export async function sealScenarios(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bukti-bench-seal-'));
  try {
    const plain = join(dir, 'bundle.zip');
    const block = filler(MiB, 7);
    const fd = openSync(plain, 'w');
    for (let i = 0; i < SIZE_MIB; i++) writeSync(fd, block);
    closeSync(fd);
    const key = join(dir, 'key.txt');
    writeFileSync(key, identityFileText(await generateAgeIdentity(), new Date()));
    const sealed = join(dir, 'bundle.zip.age');
    const before = pass('ceiling', plain, join(dir, 'ceiling.out'), key);
    const seal = pass('seal', plain, sealed, key);
    rmSync(join(dir, 'ceiling.out'));
    const open = pass('open', sealed, join(dir, 'opened.zip'), key);
    const after = pass('ceiling', plain, join(dir, 'ceiling.out'), key);
    const ceiling =
      ((mbPerSecond(before.bytes, before.ms) ?? 0) + (mbPerSecond(after.bytes, after.ms) ?? 0)) / 2;
    const row = (scenario: string, result: Pass): BenchResult => ({
      scenario: `node: ${scenario} ${SIZE_MIB} MiB`,
      bytes: result.bytes,
      median_ms: result.ms,
      mb_per_s: mbPerSecond(result.bytes, result.ms),
      peak_memory_bytes: result.maxRssBytes,
      extra: { ceiling_around_mb_s: ceiling, bound_mib: SIZE_MIB + 128 },
    });
    return [
      row('ceiling chacha20poly1305 (libsodium, 64 KiB)', before),
      row('seal age (X25519)', seal),
      row('open age (X25519)', open),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
