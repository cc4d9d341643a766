import { fromUtf8 } from '../canonical';
import type { MessageKey, MessageParams } from '../i18n';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleManifest, SENSITIVE_POLICIES } from './manifest';
import { isSafeEntryName } from './names';

export type ManifestResult =
  | { ok: true; manifest: BundleManifest }
  | { ok: false; problem: { code: MessageKey; params: MessageParams } };

const HEX64 = /^[0-9a-f]{64}$/;

/** Thrown inside the checker with the JSON path of the first field that is wrong. */
class FieldError extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FieldError(field);
  return value as Json;
}

function array(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new FieldError(field);
  return value;
}

function string(value: unknown, field: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || (pattern && !pattern.test(value))) throw new FieldError(field);
  return value;
}

function size(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new FieldError(field);
  return value;
}

/**
 * Parses and checks `manifest.json` (version 1): every field the verifier relies on is present and of
 * the right type, and every file path is a safe, unique `evidence/` name. A later version is reported
 * as such (`bundle.verify.manifestVersion`), so an old verifier never misreads a newer bundle.
 */
export function parseManifest(bytes: Uint8Array): ManifestResult {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(bytes));
  } catch {
    return malformed('manifest.json');
  }
  try {
    const root = object(value, '$');
    if (root.format !== BUNDLE_FORMAT) throw new FieldError('format');
    const version = root.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      throw new FieldError('version');
    if (version !== BUNDLE_FORMAT_VERSION) {
      return {
        ok: false,
        problem: { code: 'bundle.verify.manifestVersion', params: { path: 'manifest.json', version } },
      };
    }
    checkTop(root);
    checkItems(array(root.items, 'items'));
    for (const [index, entry] of array(root.custody, 'custody').entries()) object(entry, `custody[${index}]`);
    return { ok: true, manifest: root as unknown as BundleManifest };
  } catch (error) {
    if (error instanceof FieldError) return malformed(error.field);
    throw error;
  }
}

function malformed(field: string): ManifestResult {
  return {
    ok: false,
    problem: { code: 'bundle.verify.manifestMalformed', params: { path: 'manifest.json', field } },
  };
}

function checkTop(root: Json): void {
  string(root.bundleId, 'bundleId', /^[0-9a-f-]{32,36}$/i);
  const createdAt = object(root.createdAt, 'createdAt');
  for (const key of ['utc', 'local', 'timeZone']) string(createdAt[key], `createdAt.${key}`);
  const app = object(root.app, 'app');
  string(app.name, 'app.name');
  string(app.version, 'app.version');
  const signer = object(root.signer, 'signer');
  if (signer.algorithm !== 'Ed25519') throw new FieldError('signer.algorithm');
  string(signer.publicKey, 'signer.publicKey', HEX64);
  string(signer.fingerprint, 'signer.fingerprint', HEX64);
  const kase = object(root.case, 'case');
  string(kase.id, 'case.id');
  string(kase.title, 'case.title');
  const exported = object(root.export, 'export');
  if (!SENSITIVE_POLICIES.includes(exported.sensitive as never)) throw new FieldError('export.sensitive');
  if (exported.recipientNote !== undefined) string(exported.recipientNote, 'export.recipientNote');
  const selection = object(exported.selection, 'export.selection');
  if (typeof selection.allItems !== 'boolean') throw new FieldError('export.selection.allItems');
  for (const [index, id] of array(selection.itemIds, 'export.selection.itemIds').entries()) {
    string(id, `export.selection.itemIds[${index}]`);
  }
  const report = object(root.report, 'report');
  if (report.path !== 'report.pdf') throw new FieldError('report.path');
  string(report.sha256, 'report.sha256', HEX64);
  size(report.size, 'report.size');
}

function checkItems(items: unknown[]): void {
  const paths = new Set<string>();
  items.forEach((raw, itemIndex) => {
    const item = object(raw, `items[${itemIndex}]`);
    string(item.id, `items[${itemIndex}].id`);
    array(item.files, `items[${itemIndex}].files`).forEach((rawFile, fileIndex) => {
      const field = `items[${itemIndex}].files[${fileIndex}]`;
      const file = object(rawFile, field);
      string(file.sha256, `${field}.sha256`, HEX64);
      if (file.omitted === true) {
        if (file.path !== undefined) throw new FieldError(`${field}.path`);
        return;
      }
      const path = string(file.path, `${field}.path`);
      if (!path.startsWith('evidence/') || !isSafeEntryName(path) || paths.has(path)) {
        throw new FieldError(`${field}.path`);
      }
      paths.add(path);
      size(file.size, `${field}.size`);
      string(file.mime, `${field}.mime`);
      string(file.originalName, `${field}.originalName`);
    });
  });
}
