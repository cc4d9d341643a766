import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isEmailAddress,
  isIdOrPassportNumber,
  isPhoneNumber,
  isPhoneOrEmail,
} from '../../../src/core/evidence/contact';

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** Digits with the separators people type between them, and maybe a leading `+`. */
const writtenNumber = (min: number, max: number) =>
  fc
    .tuple(
      fc.boolean(),
      digits(min, max),
      fc.array(fc.constantFrom(' ', '-', '.'), { minLength: max, maxLength: max }),
    )
    .map(
      ([plus, ds, seps]) =>
        `${plus ? '+' : ''}${[...ds].map((d, i) => (i > 0 && i % 3 === 0 ? `${seps[i]}${d}` : d)).join('')}`,
    );

describe('contact checks', () => {
  it('accepts e-mail addresses as people write them and refuses what is not one', () => {
    for (const good of ['name@example.com', ' aisyah.binti@gmail.com ', 'a+b@mail.example.my'])
      expect(isEmailAddress(good), good).toBe(true);
    for (const bad of ['name@', '@example.com', 'name@example', 'name example@x.com', 'a@b@c.com', 'name'])
      expect(isEmailAddress(bad), bad).toBe(false);
  });

  it('accepts every generated e-mail address (property)', () => {
    fc.assert(fc.property(fc.emailAddress(), (email) => isEmailAddress(email) && isPhoneOrEmail(email)));
  });

  it('accepts Malaysian and international phone numbers and refuses short, long or lettered ones', () => {
    for (const good of ['012-345 6789', '+60 12-345 6789', '(03) 2222 3333', '0123456789'])
      expect(isPhoneNumber(good), good).toBe(true);
    for (const bad of ['12345', '+60 12 345 6789 0000 1', '012-ABC-6789', '60+123456789', 'call me', ''])
      expect(isPhoneNumber(bad), bad).toBe(false);
  });

  it('accepts any number of 7 to 15 digits however it is separated, and no number outside that (property)', () => {
    fc.assert(fc.property(writtenNumber(7, 15), (text) => isPhoneNumber(text) && isPhoneOrEmail(text)));
    fc.assert(fc.property(writtenNumber(1, 6), (text) => !isPhoneNumber(text)));
    fc.assert(fc.property(writtenNumber(16, 30), (text) => !isPhoneNumber(text)));
  });

  it('reads a text with @ as an e-mail and anything else as a phone number', () => {
    expect(isPhoneOrEmail('someone@example')).toBe(false);
    expect(isPhoneOrEmail('012-345 6789')).toBe(true);
    expect(isPhoneOrEmail('tiktok.com/@someone')).toBe(false);
  });

  it('accepts MyKad numbers with or without dashes, and passport numbers', () => {
    for (const good of ['900101-14-5678', '900101 14 5678', '900101145678', 'A12345678', 'k 1234 567'])
      expect(isIdOrPassportNumber(good), good).toBe(true);
    for (const bad of [
      '900101-14-567',
      '900101-14-56789',
      'ABCDEFGH',
      'A1234',
      'A123/4567',
      `${'A'.repeat(25)}1`,
    ])
      expect(isIdOrPassportNumber(bad), bad).toBe(false);
  });

  it('never throws, whatever is typed (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        for (const check of [isEmailAddress, isPhoneNumber, isPhoneOrEmail, isIdOrPassportNumber])
          expect(typeof check(text)).toBe('boolean');
      }),
    );
  });
});
