import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureTimeAt, utcOffsetMinutes } from '../../../src/core/evidence/time';

describe('captureTimeAt', () => {
  it.each([
    ['Asia/Kuala_Lumpur', '2025-04-10T06:03:22.123Z', '2025-04-10T14:03:22.123+08:00'],
    ['UTC', '2025-04-10T06:03:22.123Z', '2025-04-10T06:03:22.123+00:00'],
    ['America/St_Johns', '2025-01-10T02:00:00.000Z', '2025-01-09T22:30:00.000-03:30'],
    ['America/St_Johns', '2025-07-10T02:00:00.000Z', '2025-07-09T23:30:00.000-02:30'],
    ['Asia/Kathmandu', '2024-12-31T18:15:00.500Z', '2025-01-01T00:00:00.500+05:45'],
  ])('in %s, %s is %s', (zone, utc, local) => {
    expect(captureTimeAt(new Date(utc), zone)).toEqual({ utc, local, timeZone: zone });
  });

  it('always names the same instant in both forms', () => {
    const zones = [
      'Asia/Kuala_Lumpur',
      'Europe/London',
      'America/New_York',
      'Pacific/Chatham',
      'Australia/Lord_Howe',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1971-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (date, zone) => {
          const time = captureTimeAt(date, zone);
          expect(Date.parse(time.local)).toBe(date.getTime());
          expect(Math.abs(utcOffsetMinutes(date, zone))).toBeLessThanOrEqual(14 * 60);
        },
      ),
      { numRuns: 400 },
    );
  });
});
