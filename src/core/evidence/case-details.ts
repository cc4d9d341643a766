import type { MessageKey } from '../i18n';
import { parseUrl } from '../url/parse';
import { isEmailAddress, isIdOrPassportNumber, isPhoneNumber, isPhoneOrEmail } from './contact';
import type { Complainant, InvolvedAccount, Platform } from './model';

/**
 * The case's accounts and complainant as forms hold them: every field a string, exactly as typed, so
 * a form that refuses to save never loses a character. `…FromDraft` turns a checked draft into the
 * record fields `updateCase` stores (trimmed, empty fields left out).
 */

/** The account form: the platform and every identifier, as typed. */
export interface AccountDraft {
  platform: Platform;
  profileUrl: string;
  handle: string;
  displayName: string;
  userId: string;
  contact: string;
  notes: string;
}
export type AccountField = keyof AccountDraft;

export const EMPTY_ACCOUNT: AccountDraft = {
  platform: 'other',
  profileUrl: '',
  handle: '',
  displayName: '',
  userId: '',
  contact: '',
  notes: '',
};

/** The fields that say who an account is; an account needs at least one of them. */
const IDENTIFIERS = ['profileUrl', 'handle', 'displayName', 'userId', 'contact'] as const;

/** The complainant form, as typed. */
export interface ComplainantDraft {
  name: string;
  idNumber: string;
  phone: string;
  email: string;
}
export type ComplainantField = keyof ComplainantDraft;

export const EMPTY_COMPLAINANT: ComplainantDraft = { name: '', idNumber: '', phone: '', email: '' };

/** What is wrong with a draft, field by field; `missing` when nothing identifies the account. */
export interface DraftProblems<F extends string> {
  fields: Partial<Record<F, MessageKey>>;
  missing?: MessageKey;
}

/** True when the draft can be saved. */
export function isClean<F extends string>(problems: DraftProblems<F>): boolean {
  return problems.missing === undefined && Object.keys(problems.fields).length === 0;
}

/**
 * The problems shown so far that are still there: while a person corrects a draft, a message goes
 * away as soon as its field is right, and no new message appears before they try to save again.
 */
export function stillShown<F extends string>(
  shown: DraftProblems<F>,
  now: DraftProblems<F>,
): DraftProblems<F> {
  const fields: Partial<Record<F, MessageKey>> = {};
  for (const key of Object.keys(shown.fields) as F[]) {
    if (now.fields[key] !== undefined) fields[key] = now.fields[key];
  }
  return { fields, missing: shown.missing && now.missing };
}

const filled = (text: string) => text.trim() !== '';

/** A stored account as the form shows it, for editing. */
export function draftFromAccount(account: InvolvedAccount): AccountDraft {
  return {
    platform: account.platform,
    profileUrl: account.profileUrl ?? '',
    handle: account.handle ?? '',
    displayName: account.displayName ?? '',
    userId: account.userId ?? '',
    contact: account.contact ?? '',
    notes: account.notes ?? '',
  };
}

/** Problems a person can fix: a profile link that is not a web address, a contact that is neither a phone number nor an e-mail. */
export function checkAccountDraft(draft: AccountDraft): DraftProblems<AccountField> {
  const fields: Partial<Record<AccountField, MessageKey>> = {};
  if (filled(draft.profileUrl) && !parseUrl(draft.profileUrl).ok)
    fields.profileUrl = 'accounts.problem.profileUrl';
  if (filled(draft.contact) && !isPhoneOrEmail(draft.contact)) fields.contact = 'accounts.problem.contact';
  const missing = IDENTIFIERS.some((key) => filled(draft[key])) ? undefined : 'accounts.problem.empty';
  return { fields, missing };
}

/** The account to store under `id`: text trimmed, empty fields left out. */
export function accountFromDraft(draft: AccountDraft, id: string): InvolvedAccount {
  const account: InvolvedAccount = { id, platform: draft.platform };
  for (const key of [...IDENTIFIERS, 'notes'] as const) {
    const value = draft[key].trim();
    if (value !== '') account[key] = value;
  }
  return account;
}

/** The accounts with `account` in place of the one with its id, or added at the end. */
export function withAccount(
  accounts: readonly InvolvedAccount[],
  account: InvolvedAccount,
): InvolvedAccount[] {
  const at = accounts.findIndex((existing) => existing.id === account.id);
  if (at === -1) return [...accounts, account];
  return accounts.map((existing, index) => (index === at ? account : existing));
}

/** The accounts without the one with `id`. */
export function withoutAccount(accounts: readonly InvolvedAccount[], id: string): InvolvedAccount[] {
  return accounts.filter((account) => account.id !== id);
}

/** Fields the profile link can fill in. */
export const PREFILLED = ['platform', 'handle', 'userId'] as const satisfies readonly AccountField[];

/**
 * The draft with platform, handle and user ID read from its profile link, for each of those fields
 * the person has not typed in themselves (`typed`). A link Bukti cannot read changes nothing, so a
 * half-pasted address never wipes what is there. Returns the fields it filled in.
 */
export function prefillFromProfileUrl(
  draft: AccountDraft,
  typed: ReadonlySet<AccountField>,
): { draft: AccountDraft; filled: AccountField[] } {
  const parsed = parseUrl(draft.profileUrl);
  if (!parsed.ok || parsed.platform === 'other') return { draft, filled: [] };
  const found: Pick<AccountDraft, (typeof PREFILLED)[number]> = {
    platform: parsed.platform,
    handle: parsed.handle ?? '',
    userId: parsed.userId ?? '',
  };
  const next = { ...draft };
  const changed: AccountField[] = [];
  for (const key of PREFILLED) {
    if (typed.has(key) || next[key] === found[key]) continue;
    Object.assign(next, { [key]: found[key] });
    changed.push(key);
  }
  return { draft: next, filled: changed };
}

/** Fields of a stored account that count as typed by the person, so a new link does not overwrite them. */
export function typedFields(draft: AccountDraft): Set<AccountField> {
  const typed = new Set<AccountField>();
  if (draft.platform !== 'other') typed.add('platform');
  if (filled(draft.handle)) typed.add('handle');
  if (filled(draft.userId)) typed.add('userId');
  return typed;
}

/** A stored complainant (or none) as the form shows it. */
export function draftFromComplainant(complainant: Complainant | undefined): ComplainantDraft {
  return {
    name: complainant?.name ?? '',
    idNumber: complainant?.idNumber ?? '',
    phone: complainant?.phone ?? '',
    email: complainant?.email ?? '',
  };
}

/** Every field is optional; the ones filled in must look like what they ask for. */
export function checkComplainantDraft(draft: ComplainantDraft): DraftProblems<ComplainantField> {
  const fields: Partial<Record<ComplainantField, MessageKey>> = {};
  if (filled(draft.idNumber) && !isIdOrPassportNumber(draft.idNumber))
    fields.idNumber = 'complainant.problem.idNumber';
  if (filled(draft.phone) && !isPhoneNumber(draft.phone)) fields.phone = 'complainant.problem.phone';
  if (filled(draft.email) && !isEmailAddress(draft.email)) fields.email = 'complainant.problem.email';
  return { fields };
}

/** The complainant to store: text trimmed, empty fields left out; `undefined` when all are empty. */
export function complainantFromDraft(draft: ComplainantDraft): Complainant | undefined {
  const complainant: Complainant = {};
  for (const key of ['name', 'idNumber', 'phone', 'email'] as const) {
    const value = draft[key].trim();
    if (value !== '') complainant[key] = value;
  }
  return Object.keys(complainant).length === 0 ? undefined : complainant;
}
