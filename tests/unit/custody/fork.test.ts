import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { selectCustody } from '../../../src/core/bundle/custody';
import { compareLogs, relationMessage } from '../../../src/core/custody/compare';
import { type CustodyEntry, entryHash } from '../../../src/core/custody/entry';
import { verifyChain, verifySubsequence } from '../../../src/core/custody/verify';
import { VaultService } from '../../../src/core/service/vault-service';
import { cachedDerive } from '../backup/helpers';
import { TEST_KDF } from '../vault/helpers';

const PASS = 'dua peranti satu peti besi';
const derive = cachedDerive();

function device(): VaultService {
  return new VaultService({ indexedDB: new IDBFactory(), IDBKeyRange }, (p, s) => derive(p, s, TEST_KDF));
}

async function backupFile(service: VaultService): Promise<Blob> {
  const started = await service.backupStart(PASS);
  if (started.kind !== 'ok') throw new Error(started.kind);
  const parts: Uint8Array[] = [];
  for (
    let piece = await service.backupRead(started.handle);
    piece;
    piece = await service.backupRead(started.handle)
  )
    parts.push(piece);
  await service.backupSaved(started.handle);
  return new Blob(parts as BlobPart[]);
}

/** A phone with a case, backed up; a laptop that restored the backup; both went on with the vault. */
async function twoDevices() {
  const phone = device();
  await phone.create(PASS);
  const shared = await phone.createCase({ title: 'Kes bersama' });
  await phone.captureWithoutFile({
    caseId: shared.id,
    kind: 'messageText',
    text: 'Mesej 1',
    details: { category: 'threat' },
  });
  const backup = await backupFile(phone);
  const atBackup = await phone.custodyLog();

  const laptop = device();
  await laptop.restoreBackup(backup, PASS);
  expect((await laptop.unlock(PASS)).kind).toBe('ok');
  await laptop.captureWithoutFile({
    caseId: shared.id,
    kind: 'messageText',
    text: 'Dari laptop',
    details: { category: 'threat' },
  });
  await phone.captureWithoutFile({
    caseId: shared.id,
    kind: 'messageText',
    text: 'Dari telefon',
    details: { category: 'threat' },
  });
  const other = await phone.createCase({ title: 'Kes lain di telefon' });
  await phone.captureWithoutFile({
    caseId: other.id,
    kind: 'messageText',
    text: 'Lain',
    details: { category: 'threat' },
  });
  return { phone, laptop, shared, atBackup };
}

describe('one vault continued on two devices', () => {
  it('gives each device its own id, and both histories verify with the one key', async () => {
    const { phone, laptop, atBackup } = await twoDevices();
    const phoneLog = await phone.custodyLog();
    const laptopLog = await laptop.custodyLog();
    const key = (await phone.summary()).publicSigningKey;
    const phoneDevices = new Set(phoneLog.map((entry) => entry.device));
    expect(phoneDevices.size).toBe(1);
    const restore = laptopLog[atBackup.length] as CustodyEntry;
    expect(restore).toMatchObject({
      event: 'restored',
      v: 2,
      details: {
        fromHead: await entryHash(atBackup.at(-1) as CustodyEntry),
        fromDevice: [...phoneDevices][0],
      },
    });
    expect(restore.device).not.toBe([...phoneDevices][0]);
    expect(laptopLog.at(-1)?.device).toBe(restore.device);

    const phoneReport = await verifyChain(phoneLog, { trustedKey: key });
    const laptopReport = await verifyChain(laptopLog, { trustedKey: key });
    expect(phoneReport).toMatchObject({ ok: true, moves: [], problems: [] });
    expect(laptopReport).toMatchObject({ ok: true, problems: [] });
    expect(laptopReport.moves).toEqual([
      expect.objectContaining({
        seq: atBackup.length,
        toDevice: restore.device,
        fromDevice: [...phoneDevices][0],
      }),
    ]);

    const relation = await compareLogs(phoneLog, laptopLog);
    expect(relation).toEqual({
      kind: 'fork',
      common: atBackup.length,
      seq: atBackup.length,
      restoredIn: ['second'],
    });
    expect(relationMessage(relation)).toEqual({
      key: 'custody.compare.fork',
      params: { common: atBackup.length, position: atBackup.length + 1 },
    });
  });

  it('shows the restore in full in a bundle of one case, and redacted bundles still line up', async () => {
    const { phone, laptop, shared } = await twoDevices();
    const laptopItems = await laptop.listItems(shared.id);
    const phoneItems = await phone.listItems(shared.id);
    const fromLaptop = await selectCustody(await laptop.custodyLog(), shared.id, laptopItems.slice(0, 1));
    const fromPhone = await selectCustody(await phone.custodyLog(), shared.id, phoneItems.slice(-1));
    expect(fromLaptop.entries.map((entry) => entry.event)).toContain('restored');
    expect(fromLaptop.records.some((record) => (record as CustodyEntry).event === 'restored')).toBe(true);
    // Each bundle's log verifies alone (ending at its own head) …
    const laptopHead = await entryHash((await laptop.custodyLog()).at(-1) as CustodyEntry);
    expect((await verifySubsequence(fromLaptop.records, { expectedHead: laptopHead })).problems).toEqual([]);
    // … and side by side they part at the restore, however differently they were redacted.
    expect(await compareLogs(fromPhone.records, fromLaptop.records)).toMatchObject({
      kind: 'fork',
      restoredIn: ['second'],
    });
  });

  it('calls a fork without a restore a conflict, and tells same, longer and unrelated logs apart', async () => {
    const { phone, atBackup } = await twoDevices();
    const log = await phone.custodyLog();
    const other = device();
    await other.create(PASS);
    await other.createCase({ title: 'Peti besi lain' });
    const otherLog = await other.custodyLog();
    expect(await compareLogs(log, structuredClone(log))).toEqual({ kind: 'same', common: log.length });
    expect(await compareLogs(atBackup, log)).toEqual({
      kind: 'extends',
      common: atBackup.length,
      longer: 'second',
    });
    expect(await compareLogs(log, otherLog)).toEqual({ kind: 'unrelated', common: 0 });
    // A different history from the same point, without any restore.
    const edited = structuredClone(log);
    (edited[atBackup.length] as CustodyEntry).time = '2020-01-01T00:00:00.000Z';
    expect(await compareLogs(log, edited)).toEqual({
      kind: 'conflict',
      common: atBackup.length,
      seq: atBackup.length,
    });
  });
});
