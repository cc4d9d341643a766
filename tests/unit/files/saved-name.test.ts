import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDownloadOffer } from '../../../src/core/download/protocol';
import { cleanTypedName, SAVED_FILE_EXTENSIONS, savedFileName } from '../../../src/core/files/saved-name';

const ID = '3f2b8c1e-9d4a-4e6b-8f0c-1a2b3c4d5e6f';
const AT = new Date(2025, 3, 7, 23, 55);

describe('names of saved files', () => {
  it('gives bundles, sealed bundles, backups and key cards a neutral name with the local date and a short id', () => {
    expect(savedFileName('bundle', { date: AT, id: ID })).toBe('document-20250407-3f2b8c1e.zip');
    expect(savedFileName('backup', { date: AT, id: ID })).toBe('document-20250407-3f2b8c1e.bin');
    expect(savedFileName('keyCard', { date: AT, id: ID })).toBe('document-20250407-3f2b8c1e.pdf');
    expect(savedFileName('sealedBundle', { date: AT, id: ID })).toBe('document-20250407-3f2b8c1e.zip.age');
    expect(savedFileName('sealedBundle', { date: AT, id: ID, typed: 'untuk polis.zip.age' })).toBe(
      'untuk-polis.zip.age',
    );
    // The same name typed for the bundle and then sealed: `.zip` is not doubled.
    expect(savedFileName('sealedBundle', { date: AT, id: ID, typed: 'untuk polis.zip' })).toBe(
      'untuk-polis.zip.age',
    );
  });

  it('uses the name the survivor typed, made safe, with the right extension once', () => {
    expect(savedFileName('bundle', { date: AT, id: ID, typed: 'Laporan polis Kulai' })).toBe(
      'Laporan-polis-Kulai.zip',
    );
    expect(savedFileName('bundle', { date: AT, id: ID, typed: 'untuk-peguam.ZIP' })).toBe('untuk-peguam.zip');
    expect(savedFileName('backup', { date: AT, id: ID, typed: '  Résumé / ../../etc  ' })).toBe(
      'Resume-.-.-etc.bin',
    );
    expect(savedFileName('bundle', { date: AT, id: ID, typed: '中文' })).toBe(
      'document-20250407-3f2b8c1e.zip',
    );
    expect(savedFileName('bundle', { date: AT, id: ID, typed: '   ' })).toBe(
      'document-20250407-3f2b8c1e.zip',
    );
  });

  it('never lets a typed name escape the folder, hide the file or break the download header', () => {
    const kinds = Object.keys(SAVED_FILE_EXTENSIONS) as (keyof typeof SAVED_FILE_EXTENSIONS)[];
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom(...kinds), (typed, kind) => {
        const name = savedFileName(kind, { date: AT, id: ID, typed });
        expect(name.endsWith(`.${SAVED_FILE_EXTENSIONS[kind]}`)).toBe(true);
        expect(name).not.toMatch(/^[.-]|\.\.|[/\\"\r\n]/);
        const offer = {
          type: 'bukti-download-offer',
          id: ID,
          fileName: name,
          contentType: 'application/zip',
        };
        expect(isDownloadOffer(offer)).toBe(true);
      }),
    );
    expect(cleanTypedName('..', 'zip')).toBe('');
  });
});
