import { describe, expect, it } from 'vitest';
import { chronological, durationText, periodCovered, sizeText } from '../../../src/core/report/format';
import { details, item } from './fixtures';

describe('report formatting', () => {
  it('gives sizes in units and exact bytes, durations as a clock and in seconds', () => {
    expect(sizeText(512)).toBe('512 bytes');
    expect(sizeText(1_234_567)).toBe('1.2 MB (1,234,567 bytes)');
    expect(durationText(65.2)).toBe('1:05 (65.2 s)');
    expect(durationText(3725)).toBe('1:02:05 (3725 s)');
  });

  it('covers the period from the earliest to the latest posting date, with capture dates beside', () => {
    const items = [
      item(1, [], { details: details({ postedTime: { asShown: '3 days ago', iso: '2025-04-01' } }) }),
      item(2, [], { details: details({ postedTime: { asShown: 'x', iso: '2025-03-20T22:00:00+08:00' } }) }),
      item(30, []),
    ];
    expect(periodCovered(items)).toEqual({
      posted: { from: '2025-03-20', to: '2025-04-01' },
      captured: { from: '2025-04-10', to: '2025-04-11' },
    });
    expect(periodCovered([item(30, [])])?.posted).toBeUndefined();
    expect(periodCovered([])).toBeUndefined();
  });

  it('orders items by posting time, else capture time, keeping bundle order for ties', () => {
    const a = item(5, []);
    const b = item(1, [], {
      details: details({ postedTime: { asShown: 'x', iso: '2025-04-10T13:00:00+08:00' } }),
    });
    const c = item(2, [], { details: details({ postedTime: { asShown: 'unreadable', iso: 'not a date' } }) });
    const tie = { ...item(5, []), id: 'tie' };
    // b was posted at 05:00 UTC, before c (captured 08:00 UTC) and a (captured 11:00 UTC).
    expect(chronological([a, tie, c, b]).map((one) => one.id)).toEqual([b.id, c.id, a.id, 'tie']);
  });
});
