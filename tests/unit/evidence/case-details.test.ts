import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountDraft,
  type AccountField,
  accountFromDraft,
  checkAccountDraft,
  checkComplainantDraft,
  complainantFromDraft,
  draftFromAccount,
  draftFromComplainant,
  EMPTY_ACCOUNT,
  EMPTY_COMPLAINANT,
  isClean,
  prefillFromProfileUrl,
  stillShown,
  typedFields,
  withAccount,
  withoutAccount,
} from '../../../src/core/evidence/case-details';
import { type InvolvedAccount, PLATFORMS } from '../../../src/core/evidence/model';

const ID = '0b7e2a52-5b0c-4f43-9d55-2f5c6b1a9e01';
const draft = (patch: Partial<AccountDraft>): AccountDraft => ({ ...EMPTY_ACCOUNT, ...patch });
const account = (id: string, handle: string): InvolvedAccount => ({ id, platform: 'x', handle });

describe('account drafts', () => {
  it('asks for at least one identifier, and says which field is wrong', () => {
    expect(checkAccountDraft(draft({ platform: 'telegram', notes: 'group admin' }))).toEqual({
      fields: {},
      missing: 'accounts.problem.empty',
    });
    expect(checkAccountDraft(draft({ handle: '   ' })).missing).toBe('accounts.problem.empty');
    const wrong = checkAccountDraft(draft({ profileUrl: 'not a link', contact: 'someone@nowhere' }));
    expect(wrong).toEqual({
      fields: { profileUrl: 'accounts.problem.profileUrl', contact: 'accounts.problem.contact' },
      missing: undefined,
    });
    expect(isClean(wrong)).toBe(false);
    for (const ok of [
      draft({ displayName: 'Anon Kulai' }),
      draft({ contact: '+60 12-345 6789' }),
      draft({ contact: 'seller@example.com', profileUrl: 'instagram.com/kulai.anon' }),
    ])
      expect(isClean(checkAccountDraft(ok))).toBe(true);
  });

  it('stores text trimmed and leaves empty fields out', () => {
    const stored = accountFromDraft(
      draft({ platform: 'tiktok', handle: '  kulai.anon ', displayName: ' ', notes: 'first seen 9 April\n' }),
      ID,
    );
    expect(stored).toEqual({ id: ID, platform: 'tiktok', handle: 'kulai.anon', notes: 'first seen 9 April' });
  });

  it('shows a stored account exactly as stored when it is edited (property)', () => {
    const text = fc
      .string({ maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s !== '');
    fc.assert(
      fc.property(
        fc.record(
          {
            platform: fc.constantFrom(...PLATFORMS),
            handle: text,
            displayName: text,
            userId: text,
            profileUrl: text,
            contact: text,
            notes: text,
          },
          { requiredKeys: ['platform'] },
        ),
        (fields) => {
          const stored: InvolvedAccount = { id: ID, ...fields };
          expect(accountFromDraft(draftFromAccount(stored), ID)).toEqual(stored);
        },
      ),
    );
  });

  it('adds a new account at the end, replaces one in place, removes one', () => {
    const a = account('a', 'one');
    const b = account('b', 'two');
    expect(withAccount([a], b)).toEqual([a, b]);
    const changed = { ...a, handle: 'one.renamed' };
    expect(withAccount([a, b], changed)).toEqual([changed, b]);
    expect(withoutAccount([a, b], 'a')).toEqual([b]);
    expect(withoutAccount([a, b], 'missing')).toEqual([a, b]);
  });
});

describe('prefilling from a profile link', () => {
  const none = new Set<AccountField>();

  it('fills platform and handle from a profile link', () => {
    const result = prefillFromProfileUrl(
      draft({ profileUrl: 'https://www.instagram.com/kulai.anon/' }),
      none,
    );
    expect(result.draft).toMatchObject({ platform: 'instagram', handle: 'kulai.anon', userId: '' });
    expect(result.filled).toEqual(['platform', 'handle']);
  });

  it('fills the user ID where the link carries one', () => {
    const result = prefillFromProfileUrl(draft({ profileUrl: 'wa.me/60123456789' }), none);
    expect(result.draft).toMatchObject({ platform: 'whatsapp', userId: '60123456789' });
  });

  it('never overwrites what the person typed', () => {
    const typed = new Set<AccountField>(['handle']);
    const result = prefillFromProfileUrl(
      draft({ profileUrl: 'https://x.com/Kulai_Alert', handle: 'the one I know' }),
      typed,
    );
    expect(result.draft).toMatchObject({ platform: 'x', handle: 'the one I know' });
    expect(result.filled).toEqual(['platform']);
  });

  it('follows a changed link in the fields it filled itself', () => {
    const first = prefillFromProfileUrl(draft({ profileUrl: 'https://x.com/first' }), none).draft;
    const second = prefillFromProfileUrl({ ...first, profileUrl: 't.me/second_channel' }, none);
    expect(second.draft).toMatchObject({ platform: 'telegram', handle: 'second_channel' });
  });

  it('changes nothing for a half-typed address or a site it does not know', () => {
    const before = draft({ platform: 'tiktok', handle: 'kept', profileUrl: 'https://www.tik' });
    expect(prefillFromProfileUrl(before, none)).toEqual({ draft: before, filled: [] });
    const other = draft({ handle: 'kept', profileUrl: 'https://forum.example.org/u/someone' });
    expect(prefillFromProfileUrl(other, none)).toEqual({ draft: other, filled: [] });
  });

  it('treats the filled-in fields of a stored account as typed', () => {
    expect([...typedFields(draft({ platform: 'x', handle: 'a' }))].sort()).toEqual(['handle', 'platform']);
    expect([...typedFields(EMPTY_ACCOUNT)]).toEqual([]);
  });

  it('keeps every character typed into the link, whatever it is (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(prefillFromProfileUrl(draft({ profileUrl: text }), none).draft.profileUrl).toBe(text);
      }),
    );
  });
});

describe('complainant drafts', () => {
  it('accepts an empty form, and stores nothing for it', () => {
    expect(isClean(checkComplainantDraft(EMPTY_COMPLAINANT))).toBe(true);
    expect(complainantFromDraft({ name: ' ', idNumber: '', phone: '', email: '' })).toBeUndefined();
  });

  it('names each field that does not look like what it asks for', () => {
    expect(
      checkComplainantDraft({ name: 'Nur', idNumber: '900101-14-567', phone: 'nombor', email: 'nur@' })
        .fields,
    ).toEqual({
      idNumber: 'complainant.problem.idNumber',
      phone: 'complainant.problem.phone',
      email: 'complainant.problem.email',
    });
  });

  it('stores filled fields trimmed, and shows them again for editing', () => {
    const stored = complainantFromDraft({
      name: ' Nur Aisyah ',
      idNumber: '',
      phone: '012-345 6789',
      email: '',
    });
    expect(stored).toEqual({ name: 'Nur Aisyah', phone: '012-345 6789' });
    expect(draftFromComplainant(stored)).toEqual({
      name: 'Nur Aisyah',
      idNumber: '',
      phone: '012-345 6789',
      email: '',
    });
    expect(draftFromComplainant(undefined)).toEqual(EMPTY_COMPLAINANT);
  });
});

describe('messages while a person corrects a form', () => {
  it('drops a message once its field is right and adds none before the next save', () => {
    const shown = checkAccountDraft(draft({ contact: 'x@', profileUrl: 'nope' }));
    const now = checkAccountDraft(draft({ contact: 'x@example.com', profileUrl: 'nope', userId: '' }));
    expect(stillShown(shown, now)).toEqual({
      fields: { profileUrl: 'accounts.problem.profileUrl' },
      missing: undefined,
    });
    const empty = checkAccountDraft(EMPTY_ACCOUNT);
    expect(stillShown({ fields: {} }, empty)).toEqual({ fields: {}, missing: undefined });
    expect(stillShown(empty, checkAccountDraft(draft({ handle: 'h' }))).missing).toBeUndefined();
  });
});
