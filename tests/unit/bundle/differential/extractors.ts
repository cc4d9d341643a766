import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What one extractor produced: regular files by path, and anything else it created or complained about. */
export interface Extracted {
  tool: string;
  ok: boolean;
  files: Map<string, Uint8Array>;
  /** Links, devices and other non-files it created. */
  others: string[];
  message: string;
}

const PYTHON_EXTRACT =
  'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1]) as z:\n    z.extractall(sys.argv[2])';

/** The four extractors a lab is most likely to use, as each is normally run. */
export const EXTRACTORS: Record<string, (zip: string, out: string) => string[]> = {
  unzip: (zip, out) => ['unzip', '-qq', '-o', zip, '-d', out],
  python: (zip, out) => ['python3', '-c', PYTHON_EXTRACT, zip, out],
  bsdtar: (zip, out) => ['bsdtar', '-xf', zip, '-C', out],
  '7z': (zip, out) => ['7z', 'x', '-y', '-bso0', '-bsp0', `-o${out}`, zip],
};

function walk(root: string, dir: string, result: Extracted): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) walk(root, path, result);
    else if (stat.isFile()) result.files.set(relative(root, path), new Uint8Array(readFileSync(path)));
    else result.others.push(relative(root, path));
  }
}

/** Extracts `zip` with `tool` into a new folder under `scratch` and reads back what it wrote. */
export function extractWith(tool: string, zip: string, scratch: string): Extracted {
  const out = join(scratch, tool);
  mkdirSync(out, { recursive: true });
  const [command, ...args] = (EXTRACTORS[tool] as (zip: string, out: string) => string[])(zip, out);
  const run = spawnSync(command as string, args, { encoding: 'utf8', timeout: 60_000 });
  const result: Extracted = {
    tool,
    ok: run.status === 0,
    files: new Map(),
    others: [],
    message: `${run.stderr ?? ''}${run.stdout ?? ''}`.slice(0, 500),
  };
  walk(out, out, result);
  return result;
}

/** Where `extracted` differs from exactly the `expected` files and bytes; empty when it matches. */
export function differences(extracted: Extracted, expected: ReadonlyMap<string, Uint8Array>): string[] {
  const found: string[] = [];
  if (!extracted.ok) found.push(`${extracted.tool} failed: ${extracted.message}`);
  for (const other of extracted.others) found.push(`${extracted.tool} created a non-file ${other}`);
  for (const [path, bytes] of expected) {
    const got = extracted.files.get(path);
    if (!got) found.push(`${extracted.tool} did not extract ${path}`);
    else if (Buffer.compare(Buffer.from(got), Buffer.from(bytes)) !== 0)
      found.push(`${extracted.tool} extracted other bytes for ${path}`);
  }
  for (const path of extracted.files.keys())
    if (!expected.has(path)) found.push(`${extracted.tool} extracted an unsigned ${path}`);
  return found;
}
