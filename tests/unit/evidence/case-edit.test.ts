import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../src/core/custody/verify';
import { isBuktiError } from '../../../src/core/errors';
import { editCase } from '../../../src/core/evidence/case-edit';
import { newCase } from '../../../src/core/evidence/records';
import { EvidenceRepository } from '../../../src/core/evidence/repository';
import { createVault, openVaultDb } from '../../../src/core/vault';

const created = new Date('2025-04-10T06:00:00.000Z');
const later = new Date('2025-04-11T09:30:00.000Z');
const ACCOUNT = {
  id: '0b7e2a52-5b0c-4f43-9d55-2f5c6b1a9e01',
  platform: 'telegram' as const,
  handle: 'kulai_group',
};

describe('editCase', () => {
  const base = newCase({ title: 'Kumpulan Telegram', narrative: 'Apa yang berlaku' }, created);

  it('applies a change, trims the name and moves updatedAt on', () => {
    const next = editCase(base, { title: '  Kumpulan Telegram, April ', accounts: [ACCOUNT] }, later);
    expect(next).toMatchObject({
      title: 'Kumpulan Telegram, April',
      accounts: [ACCOUNT],
      createdAt: base.createdAt,
    });
    expect(next.updatedAt).toBe('2025-04-11T09:30:00.000Z');
  });

  it('returns the same case when nothing changes, so nothing is logged', () => {
    expect(editCase(base, {}, later)).toBe(base);
    expect(
      editCase(base, { title: ` ${base.title} `, narrative: base.narrative, complainant: undefined }, later),
    ).toBe(base);
  });

  it('refuses an empty name with a message that says what to do', () => {
    expect(() => editCase(base, { title: '   ' }, later)).toThrow(
      expect.objectContaining({ code: 'cases.new.needName' }),
    );
  });

  it('clears the complainant without leaving an empty field behind', () => {
    const withPerson = editCase(base, { complainant: { name: 'Nur Aisyah' } }, later);
    const cleared = editCase(withPerson, { complainant: undefined }, later);
    expect('complainant' in cleared).toBe(false);
  });

  it('never moves updatedAt back when the device clock goes back', () => {
    const next = editCase(base, { narrative: 'more' }, new Date('2020-01-01T00:00:00.000Z'));
    expect(next.updatedAt).toBe(base.updatedAt);
  });

  it('refuses an account that is not of the format', () => {
    const bad = { ...ACCOUNT, platform: 'myspace' } as unknown as typeof ACCOUNT;
    let error: unknown;
    try {
      editCase(base, { accounts: [bad] }, later);
    } catch (caught) {
      error = caught;
    }
    expect(isBuktiError(error, 'capture.invalidRecord')).toBe(true);
  });
});

describe('EvidenceRepository.updateCase', () => {
  it('keeps accounts and complainant in the vault and logs each real change as a case edit', async () => {
    const db = await openVaultDb({ indexedDB, IDBKeyRange }, { name: 'case-edit' });
    const vault = await createVault(db, 'frasa laluan ujian kes', {
      kdfParams: { opslimit: 1, memlimit: 8 * 1024 * 1024 },
    });
    const repo = new EvidenceRepository(vault);
    const theCase = await repo.createCase({ title: 'Akaun palsu' });
    await repo.updateCase(theCase.id, { accounts: [ACCOUNT] });
    await repo.updateCase(theCase.id, { complainant: { name: 'Nur Aisyah', idNumber: '900101-14-5678' } });
    await repo.updateCase(theCase.id, { accounts: [ACCOUNT] });

    const stored = await new EvidenceRepository(vault).getCase(theCase.id);
    expect(stored).toMatchObject({
      accounts: [ACCOUNT],
      complainant: { name: 'Nur Aisyah', idNumber: '900101-14-5678' },
    });
    const log = await repo.custodyLog();
    expect(log.map((entry) => [entry.event, entry.caseId])).toEqual([
      ['created', theCase.id],
      ['edited', theCase.id],
      ['edited', theCase.id],
    ]);
    // The log names the case only: no account or complainant detail travels with it.
    expect(JSON.stringify(log)).not.toMatch(/kulai_group|Nur Aisyah|900101/);
    expect((await verifyChain(log, { trustedKey: vault.publicSigningKey })).ok).toBe(true);
  });
});
