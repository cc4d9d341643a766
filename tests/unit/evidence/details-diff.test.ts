import { describe, expect, it } from 'vitest';
import { detailsHistory, diffDetails } from '../../../src/core/evidence/details-diff';
import { newId } from '../../../src/core/evidence/model';
import { completeDetails, editDetails, newEvidenceItem } from '../../../src/core/evidence/records';

const NOW = new Date('2025-04-10T06:03:22.123Z');

describe('diffDetails', () => {
  it('lists only the fields that changed, in form order, with both values', () => {
    const before = completeDetails({
      category: 'harassment',
      contentUrl: 'https://x.com/pembuli2291/status/1',
      tags: ['sekolah'],
    });
    const after = completeDetails({
      ...before,
      category: 'deepfake',
      sensitive: true,
      account: { displayName: 'Pembuli' },
      platformReport: { reference: 'X-77', date: '2025-04-11' },
      tags: ['sekolah', 'kelas 4B'],
    });
    expect(diffDetails(before, after)).toEqual([
      { field: 'category', before: 'harassment', after: 'deepfake' },
      { field: 'sensitive', before: false, after: true },
      { field: 'displayName', before: undefined, after: 'Pembuli' },
      { field: 'platformReport', before: undefined, after: 'X-77 · 2025-04-11' },
      { field: 'tags', before: ['sekolah'], after: ['sekolah', 'kelas 4B'] },
    ]);
    expect(diffDetails(after, after)).toEqual([]);
  });

  it('treats an emptied text as empty, not as a change to ""', () => {
    const before = completeDetails({ category: 'threat', description: 'Ugutan' });
    const after = completeDetails({ ...before, description: '' });
    expect(diffDetails(before, after)).toEqual([
      { field: 'description', before: 'Ugutan', after: undefined },
    ]);
  });
});

describe('detailsHistory', () => {
  it('gives each earlier version, newest first, with what replaced it and when', async () => {
    const item = await newEvidenceItem(
      { caseId: newId(), kind: 'messageText', text: 'Bayar atau aku sebar', details: { category: 'threat' } },
      NOW,
    );
    const first = editDetails(
      item,
      { description: 'Dari nombor tak dikenali' },
      new Date('2025-04-11T00:00:00Z'),
    );
    const second = editDetails(first, { category: 'sextortion' }, new Date('2025-04-12T00:00:00Z'));
    const steps = detailsHistory(second);
    expect(steps.map((step) => step.replacedAt)).toEqual([
      '2025-04-12T00:00:00.000Z',
      '2025-04-11T00:00:00.000Z',
    ]);
    expect(steps[0]?.changes.map((c) => c.field)).toEqual(['category', 'sensitive']);
    expect(steps[1]?.changes).toEqual([
      { field: 'description', before: undefined, after: 'Dari nombor tak dikenali' },
    ]);
    expect(steps[1]?.details).toEqual(item.details);
    expect(detailsHistory(item)).toEqual([]);
  });
});
