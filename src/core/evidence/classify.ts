import { BuktiError } from '../errors';
import type { EvidenceItem, EvidenceKind } from './model';

/** Phone and desktop names for screenshots (Android, iOS, Windows, macOS; English and Malay). */
const SCREENSHOT_NAME = /screen[\s_-]?shot|screen[\s_-]?capture|tangkapan[\s_-]?skrin/i;

/** Used only when the browser gives no MIME type (some Android file pickers do not). */
const EXTENSION_MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  heic: 'image/heic',
  heif: 'image/heif',
  avif: 'image/avif',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  m4v: 'video/mp4',
  webm: 'video/webm',
  '3gp': 'video/3gpp',
  mkv: 'video/x-matroska',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  opus: 'audio/opus',
  wav: 'audio/wav',
  amr: 'audio/amr',
};

/**
 * The kind of evidence a chosen file most likely is, from its name, MIME type and size. PNG images
 * count as screenshots (phones save screenshots as PNG, photos as JPEG or HEIC); anything unknown is
 * kept as a document rather than refused. An empty file is refused with `capture.emptyFile`.
 */
export function classifyFile(name: string, mimeType: string, size: number): EvidenceKind {
  if (!Number.isFinite(size) || size <= 0) throw new BuktiError('capture.emptyFile');
  const declared = mimeType.toLowerCase().split(';', 1)[0]?.trim() ?? '';
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const guessable = declared === '' || declared === 'application/octet-stream';
  const mime = guessable ? (EXTENSION_MIME[extension] ?? declared) : declared;
  if (mime.startsWith('image/')) {
    return SCREENSHOT_NAME.test(name) || mime === 'image/png' ? 'screenshot' : 'photo';
  }
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'document';
}

/**
 * The id of the item in `caseId` that already holds content with this SHA-256 (a file or a message
 * text), so the same screenshot is not captured twice; undefined when there is none.
 */
export function findDuplicate(
  items: readonly EvidenceItem[],
  caseId: string,
  sha256: string,
): string | undefined {
  const hash = sha256.toLowerCase();
  const match = items.find(
    (item) =>
      item.caseId === caseId && (item.textSha256 === hash || item.files.some((file) => file.sha256 === hash)),
  );
  return match?.id;
}
