import { describe, expect, it } from 'vitest';
import { captureTimeText, dateTimeText, dayText, instantText } from '../../../src/core/i18n/dates';

describe('dates for readers in Malaysia', () => {
  it('puts the day first with the month spelt out, in English and Malay', () => {
    expect(dateTimeText('2026-12-05', 'en')).toBe('5 Dec 2026');
    expect(dateTimeText('2026-12-05', 'ms')).toBe('5 Dis 2026');
    expect(dayText('2025-08-31T23:59:00+08:00', 'ms')).toBe('31 Ogo 2025');
  });

  it('keeps the offset a time was written with, and says UTC for Z', () => {
    expect(dateTimeText('2025-04-10T14:03:22.123+08:00', 'en')).toBe('10 Apr 2025, 14:03:22 +08:00');
    expect(dateTimeText('2025-04-10T06:03:22.123Z', 'en')).toBe('10 Apr 2025, 06:03:22 UTC');
    expect(dateTimeText('2025-04-10T14:03:22+08:00', 'en', {})).toBe('10 Apr 2025, 14:03 +08:00');
    expect(dateTimeText('2025-04-09T21:14', 'ms')).toBe('9 Apr 2025, 21:14');
  });

  it('returns what is not a date exactly as written', () => {
    for (const text of ['Yesterday at 21:14', 'semalam', '2025-13-01', ''])
      expect(dateTimeText(text, 'en')).toBe(text);
  });

  it('shows an instant in a named zone, and a capture time both locally and in UTC', () => {
    expect(instantText('2026-12-05T06:03:00.000Z', 'Asia/Kuala_Lumpur', 'en')).toBe(
      '5 Dec 2026, 14:03 +08:00 (Asia/Kuala_Lumpur)',
    );
    const time = {
      utc: '2026-05-12T01:00:00.000Z',
      local: '2026-05-12T09:00:00.000+08:00',
      timeZone: 'Asia/Kuala_Lumpur',
    };
    expect(captureTimeText(time, 'ms')).toBe(
      '12 Mei 2026, 09:00:00 +08:00 (Asia/Kuala_Lumpur) = 12 Mei 2026, 01:00:00 UTC',
    );
  });
});
