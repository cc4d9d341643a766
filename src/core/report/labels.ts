import type { CustodyEvent } from '../custody/entry';
import type { Category, EvidenceKind, ItemFlag, Platform } from '../evidence/model';
import type { Words } from './words';

/** Names for the evidence vocabulary, taken from the app's catalogue so screen and paper agree. */

/** Platform name; brand names are the same in both languages. */
export function platformLabel(words: Words, platform: Platform): string {
  return words.label(`platform.${platform}` as const);
}

export function kindLabel(words: Words, kind: EvidenceKind): string {
  return words.label(`evidence.kind.${kind}` as const);
}

export function categoryLabel(words: Words, category: Category): string {
  return words.label(`evidence.category.${category}` as const);
}

export function custodyEventLabel(words: Words, event: CustodyEvent): string {
  return words.label(`custody.event.${event}` as const);
}

export function flagTexts(words: Words, flag: ItemFlag): string[] {
  return words.texts(`evidence.flag.${flag}` as const);
}
