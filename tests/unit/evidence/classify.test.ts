import { describe, expect, it } from 'vitest';
import { isBuktiError } from '../../../src/core/errors';
import { classifyFile, findDuplicate } from '../../../src/core/evidence/classify';
import type { EvidenceItem } from '../../../src/core/evidence/model';

describe('classifyFile', () => {
  it.each([
    ['Screenshot_20250410-140322_Instagram.png', 'image/png', 'screenshot'],
    ['Screen Shot 2025-04-10 at 14.03.22.jpg', 'image/jpeg', 'screenshot'],
    ['Tangkapan skrin 2025-04-10.jpg', 'image/jpeg', 'screenshot'],
    ['IMG_0042.PNG', 'image/png', 'screenshot'],
    ['IMG_20250410_140322.jpg', 'image/jpeg', 'photo'],
    ['IMG_0042.HEIC', 'image/heic', 'photo'],
    ['IMG_0042.HEIC', '', 'photo'],
    ['VID_20250410.mp4', 'video/mp4', 'video'],
    ['recording.mov', 'application/octet-stream', 'video'],
    ['PTT-20250410-WA0001.opus', 'audio/ogg; codecs=opus', 'audio'],
    ['voice.m4a', '', 'audio'],
    ['chat-export.txt', 'text/plain', 'document'],
    ['report.pdf', 'application/pdf', 'document'],
    ['mystery.bin', '', 'document'],
    ['no-extension', 'application/x-unknown', 'document'],
  ])('%s (%j) is a %s', (name, mime, kind) => {
    expect(classifyFile(name, mime, 1234)).toBe(kind);
  });

  it.each([0, -1, Number.NaN])('refuses a file of %d bytes with capture.emptyFile', (size) => {
    let caught: unknown;
    try {
      classifyFile('Screenshot.png', 'image/png', size);
    } catch (error) {
      caught = error;
    }
    expect(isBuktiError(caught, 'capture.emptyFile')).toBe(true);
  });
});

describe('findDuplicate', () => {
  const hashA = 'a'.repeat(64);
  const hashB = 'b'.repeat(64);
  const item = (id: string, caseId: string, hashes: string[], textSha256?: string) =>
    ({ id, caseId, textSha256, files: hashes.map((sha256) => ({ sha256 })) }) as unknown as EvidenceItem;
  const items = [
    item('one', 'case-1', [hashB, hashA]),
    item('two', 'case-2', [hashA]),
    item('three', 'case-1', [], hashB),
  ];

  it('finds the item in the same case holding the same bytes', () => {
    expect(findDuplicate(items, 'case-1', hashA)).toBe('one');
    expect(findDuplicate(items, 'case-2', hashA.toUpperCase())).toBe('two');
  });

  it('does not match across cases or on new bytes', () => {
    expect(findDuplicate(items, 'case-3', hashA)).toBeUndefined();
    expect(findDuplicate(items, 'case-2', hashB)).toBeUndefined();
  });

  it('matches message texts by their hash too', () => {
    expect(findDuplicate([items[2] as EvidenceItem], 'case-1', hashB)).toBe('three');
  });
});
