import { canonicalJson } from '../canonical';
import { BuktiError } from '../errors';
import type { Case } from './model';
import { laterOf } from './records';
import { parseCase } from './validate';

/** The case fields a person can change after creating it. */
export type CasePatch = Partial<Pick<Case, 'title' | 'narrative' | 'accounts' | 'complainant'>>;

/**
 * The case with `patch` applied and checked, or the case itself when the patch changes nothing, so an
 * edit that changes nothing leaves no entry in the custody log. The title is trimmed as at creation
 * and cannot become empty (`cases.new.needName`): a case without a name cannot be found again.
 */
export function editCase(current: Case, patch: CasePatch, now: Date = new Date()): Case {
  const title = patch.title === undefined ? current.title : patch.title.trim();
  if (title === '') throw new BuktiError('cases.new.needName');
  const merged = { ...current, ...patch, title };
  if (canonicalJson(merged) === canonicalJson(current)) return current;
  // Through canonical JSON so a cleared complainant leaves no `undefined` field behind.
  const next = JSON.parse(canonicalJson({ ...merged, updatedAt: laterOf(now, current.updatedAt) }));
  return parseCase(next);
}
