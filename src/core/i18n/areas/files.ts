import type { Area } from '../area';

/** Naming a file before it is saved (bundles, backups): the same words wherever a file is saved. */
const en = {
  'files.name': 'File name (optional)',
  'files.nameHint':
    'Leave it empty for a plain name such as {example}. Letters a–z, digits, dots and dashes are kept; other characters become dashes.',
} as const;

const ms: Record<keyof typeof en, string> = {
  'files.name': 'Nama fail (pilihan)',
  'files.nameHint':
    'Biarkan kosong untuk nama biasa seperti {example}. Huruf a–z, digit, titik dan sengkang dikekalkan; aksara lain menjadi sengkang.',
};

export const files: Area<typeof en> = { en, ms };
