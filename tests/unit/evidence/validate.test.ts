import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/evidence/model';
import { newEvidenceItem } from '../../../src/core/evidence/records';
import { checkEvidenceItem, parseEvidenceItem } from '../../../src/core/evidence/validate';

const NOW = new Date('2025-04-10T06:03:22.123Z');

async function validItem() {
  return newEvidenceItem(
    {
      caseId: newId(),
      kind: 'screenshot',
      files: [
        {
          id: newId(),
          sha256: 'ab'.repeat(32),
          size: 100,
          mimeType: 'image/png',
          originalName: 'shot.png',
          facts: { hasGps: false },
        },
      ],
      details: {
        category: 'harassment',
        postedTime: { asShown: '12/4/2025', iso: '2025-04-12' },
        platformReport: { reference: 'FB-123', date: '2025-04-13' },
      },
      timeZone: 'Asia/Kuala_Lumpur',
    },
    NOW,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: tampering tests reach into arbitrary nested fields of a clone.
type Tamperable = Record<string, any>;
type Mutation = [string, (item: Tamperable) => void, string];

const MUTATIONS: Mutation[] = [
  [
    'an unknown version',
    (item) => {
      item.v = 2;
    },
    '$.v',
  ],
  [
    'an id that is not a UUID',
    (item) => {
      item.id = 'item-1';
    },
    '$.id',
  ],
  [
    'an unknown kind',
    (item) => {
      item.kind = 'hologram';
    },
    '$.kind',
  ],
  [
    'a hash in capitals',
    (item) => {
      item.files[0].sha256 = 'AB'.repeat(32);
    },
    '$.files[0].sha256',
  ],
  [
    'an empty file',
    (item) => {
      item.files[0].size = 0;
    },
    '$.files[0].size',
  ],
  [
    'the same file twice',
    (item) => {
      item.files.push({ ...item.files[0], id: newId() });
    },
    '$.files[1].sha256',
  ],
  [
    'a file kind with no file',
    (item) => {
      item.files = [];
    },
    '$.files',
  ],
  [
    'text on a screenshot',
    (item) => {
      item.text = 'hi';
    },
    '$.text',
  ],
  [
    'local time that is a different instant',
    (item) => {
      item.captured.local = '2025-04-10T14:03:22.123+07:00';
    },
    '$.captured.local',
  ],
  [
    'a UTC time without milliseconds',
    (item) => {
      item.captured.utc = '2025-04-10T06:03:22Z';
    },
    '$.captured.utc',
  ],
  [
    'an unknown category',
    (item) => {
      item.details.category = 'rude';
    },
    '$.details.category',
  ],
  [
    'a sensitive flag that is text',
    (item) => {
      item.details.sensitive = 'yes';
    },
    '$.details.sensitive',
  ],
  [
    'an impossible posting date',
    (item) => {
      item.details.postedTime.iso = '2025-02-30';
    },
    '$.details.postedTime.iso',
  ],
  [
    'a report date with a time',
    (item) => {
      item.details.platformReport.date = '2025-04-13T10:00';
    },
    '$.details.platformReport.date',
  ],
  [
    'an unknown flag',
    (item) => {
      item.details.flags = ['verifiedByPolice'];
    },
    '$.details.flags[0]',
  ],
  [
    'a field smuggled into details',
    (item) => {
      item.details.gpsPosition = '1.49,103.74';
    },
    '$.details.gpsPosition',
  ],
  [
    'an edit dated before creation',
    (item) => {
      item.updatedAt = '2025-04-09T00:00:00.000Z';
    },
    '$.updatedAt',
  ],
  [
    'history without details',
    (item) => {
      item.history = [{ replacedAt: NOW.toISOString() }];
    },
    '$.history[0].details',
  ],
  [
    'a GPS fact that is a number',
    (item) => {
      item.files[0].facts.hasGps = 1;
    },
    '$.files[0].facts.hasGps',
  ],
];

describe('checkEvidenceItem', () => {
  it('accepts a freshly made item', async () => {
    expect(checkEvidenceItem(await validItem())).toEqual([]);
  });

  it.each(MUTATIONS)('finds %s', async (_name, mutate, path) => {
    const item = structuredClone(await validItem()) as Tamperable;
    mutate(item);
    expect(checkEvidenceItem(item).map((problem) => problem.path)).toContain(path);
    expect(() => parseEvidenceItem(item)).toThrow(expect.objectContaining({ code: 'capture.invalidRecord' }));
  });

  it('lists every problem, not only the first', async () => {
    const item = structuredClone(await validItem()) as Tamperable;
    item.kind = 'hologram';
    item.details.category = 'rude';
    expect(checkEvidenceItem(item)).toHaveLength(2);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Array.isArray(checkEvidenceItem(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
