/** Entry and file names in a bundle: ASCII, relative, predictable, and safe to unpack anywhere. */

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_ENTRY_NAME = 200;

/**
 * True for names a Bukti bundle may contain: ASCII letters, digits, `.`, `_`, `-`, segments joined by
 * `/`, each starting with a letter or digit. That rules out `..`, absolute paths, backslashes, drive
 * letters, hidden files, control characters and names that differ only in Unicode form.
 */
export function isSafeEntryName(name: string): boolean {
  return (
    name.length > 0 && name.length <= MAX_ENTRY_NAME && name.split('/').every((part) => SEGMENT.test(part))
  );
}

/** ASCII slug: accents dropped, anything else a single `-`, lower case, at most `max` characters. */
export function slug(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/avif': 'avif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/webm': 'weba',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'application/json': 'json',
};

/** Splits an original file name into a safe stem and a lower-case extension (from the MIME type if none). */
function stemAndExtension(originalName: string, mime: string): { stem: string; extension: string } {
  const base = originalName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const rawExtension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const hasExtension = /^[a-z0-9]{1,10}$/.test(rawExtension);
  const stem = slug(hasExtension ? base.slice(0, dot) : base, 60) || 'file';
  const extension = hasExtension
    ? rawExtension
    : ((Object.hasOwn(EXTENSIONS, mime.toLowerCase()) ? EXTENSIONS[mime.toLowerCase()] : undefined) ?? 'bin');
  return { stem, extension };
}

/** `evidence/NNN-<safe name>.<ext>` for the `index`-th (from 1) original file in the bundle. */
export function evidencePath(index: number, originalName: string, mime: string): string {
  const { stem, extension } = stemAndExtension(originalName, mime);
  return `evidence/${String(index).padStart(3, '0')}-${stem}.${extension}`;
}
