import type { CustodyEntry } from '../custody/entry';
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

/** An entry's event; one about the case itself (no item) is named as such, never as a capture. */
export function custodyEventLabel(words: Words, entry: Pick<CustodyEntry, 'event' | 'itemId'>): string {
  if (entry.itemId === undefined && entry.event === 'created')
    return words.label('custody.event.caseCreated');
  if (entry.itemId === undefined && entry.event === 'edited') return words.label('custody.event.caseEdited');
  return words.label(`custody.event.${entry.event}` as const);
}

/** What a flag tells the reader of a report: a fact about the item, never the hint the survivor saw. */
export function flagTexts(words: Words, flag: ItemFlag): string[] {
  return words.texts(`report.flag.${flag}` as const);
}
