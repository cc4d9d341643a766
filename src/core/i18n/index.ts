import { app } from './areas/app';
import { backup } from './areas/backup';
import { bundle } from './areas/bundle';
import { capture } from './areas/capture';
import { captureFlow } from './areas/capture-flow';
import { captureUi } from './areas/capture-ui';
import { caseDetails } from './areas/case-details';
import { discreet } from './areas/discreet';
import { exportArea } from './areas/export';
import { exportSealArea } from './areas/export-seal';
import { files } from './areas/files';
import { help } from './areas/help';
import { inbox } from './areas/inbox';
import { itemDetails } from './areas/item-details';
import { keycard } from './areas/keycard';
import { keys } from './areas/keys';
import { preview } from './areas/preview';
import { report } from './areas/report';
import { seal } from './areas/seal';
import { sealUi } from './areas/seal-ui';
import { settings } from './areas/settings';
import { tabs } from './areas/tabs';
import { timestamp } from './areas/timestamp';
import { vault } from './areas/vault';
import { vaultUi } from './areas/vault-ui';
import { verifyUi } from './areas/verify-ui';

/**
 * The message catalogue. Each feature keeps its messages in `areas/<feature>.ts` (English and Malay side
 * by side) and is listed here once; the type system then refuses a Malay catalogue with a missing key.
 */
const areas = [
  app,
  backup,
  bundle,
  capture,
  captureFlow,
  captureUi,
  caseDetails,
  discreet,
  exportArea,
  exportSealArea,
  files,
  help,
  inbox,
  itemDetails,
  keycard,
  preview,
  vault,
  vaultUi,
  keys,
  settings,
  tabs,
  seal,
  sealUi,
  timestamp,
  report,
  verifyUi,
] as const;

type Merge<T extends readonly { en: Record<string, string> }[]> = T extends readonly [
  infer Head extends { en: Record<string, string> },
  ...infer Tail extends readonly { en: Record<string, string> }[],
]
  ? Head['en'] & Merge<Tail>
  : unknown;

export type Catalogue = Merge<typeof areas>;
export type MessageKey = keyof Catalogue & string;
export type MessageParams = Record<string, string | number>;
export type Locale = 'en' | 'ms';
export const LOCALES: readonly Locale[] = ['en', 'ms'];

function merge(locale: Locale): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const area of areas) {
    for (const [key, text] of Object.entries(area[locale])) {
      if (key in out) throw new Error(`Duplicate message key ${key}`);
      out[key] = text;
    }
  }
  return out as Record<MessageKey, string>;
}

export const catalogues: Record<Locale, Record<MessageKey, string>> = { en: merge('en'), ms: merge('ms') };

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const text = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The locale to start with: Malay when the browser (or system) prefers it, English otherwise. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ms' || primary === 'zsm') return 'ms';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
