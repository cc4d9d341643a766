/**
 * The one place that names every file Bukti saves (bundles, backups, the key card): by default
 * `document-<yyyymmdd>-<short id>.<ext>`, which tells someone glancing at a downloads folder nothing
 * about the app, the case or the person; or the name the survivor typed for this one export.
 */

/** What is being saved, and the extension it gets. */
export const SAVED_FILE_EXTENSIONS = {
  bundle: 'zip',
  /** A bundle sealed to its recipient with age (docs/bundle-format.md). */
  sealedBundle: 'zip.age',
  backup: 'bin',
  keyCard: 'pdf',
} as const;
export type SavedFileKind = keyof typeof SAVED_FILE_EXTENSIONS;

const MAX_TYPED = 100;

const pad2 = (value: number) => String(value).padStart(2, '0');

/** The device's local date as `yyyymmdd`: the survivor's own day, as her phone shows it. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}${pad2(date.getMonth() + 1)}${pad2(date.getDate())}`;
}

/** First 8 hex digits of an id (a bundle's UUID, a backup's): enough to tell one file from another. */
export function shortId(id: string): string {
  return id
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 8)
    .toLowerCase();
}

/**
 * A typed name made safe for every file system and for a download header: accents dropped, anything
 * but ASCII letters, digits, `.`, `_` and `-` becomes `-`, no `..`, no leading dot or dash, and the
 * extension the survivor may have typed is left to `savedFileName`. Empty when nothing usable is left
 * (a name in a script without Latin letters, say), and the default name is used instead.
 */
export function cleanTypedName(typed: string, extension: string): string {
  const ascii = typed
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.');
  // A sealed bundle's `.zip.age` typed as just `.zip` is not doubled either (`name.zip.zip.age`).
  const typedEnding = [extension, extension.split('.')[0] ?? extension].find((ending) =>
    ascii.toLowerCase().endsWith(`.${ending}`),
  );
  const withoutExtension = typedEnding ? ascii.slice(0, -(typedEnding.length + 1)) : ascii;
  return withoutExtension
    .slice(0, MAX_TYPED)
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[^A-Za-z0-9]+$/, '');
}

/**
 * The name a saved file gets: the survivor's typed name when she gave one, otherwise
 * `document-<yyyymmdd>-<short id>.<ext>`. Never the case title or the app's name unless she typed it.
 */
export function savedFileName(
  kind: SavedFileKind,
  options: { date: Date; id: string; typed?: string | undefined },
): string {
  const extension = SAVED_FILE_EXTENSIONS[kind];
  const typed = cleanTypedName(options.typed ?? '', extension);
  if (typed) return `${typed}.${extension}`;
  return `document-${localDay(options.date)}-${shortId(options.id)}.${extension}`;
}
