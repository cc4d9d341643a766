/**
 * Plausibility checks for what a person types into contact fields. They only say whether the text
 * looks like what the field asks for, so the form can point out a slip before it goes into a police
 * report; they never change the text, and stored records keep whatever was saved.
 */

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE_CHARACTERS = /^\+?[0-9 ().-]+$/;
const ASCII_DIGIT = /[0-9]/g;

/** Phone numbers have 7 to 15 digits (E.164 allows at most 15; local numbers have at least 7). */
const PHONE_DIGITS = { min: 7, max: 15 } as const;

/** Text with one `@`, something before it, and a domain with a dot after it: `name@example.com`. */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.trim());
}

/**
 * Digits with the separators people write (spaces, dashes, dots, brackets) and an optional leading
 * `+`: `012-345 6789`, `+60 12-345 6789`, `(03) 2222 3333`.
 */
export function isPhoneNumber(text: string): boolean {
  const trimmed = text.trim();
  if (!PHONE_CHARACTERS.test(trimmed)) return false;
  const digits = trimmed.match(ASCII_DIGIT)?.length ?? 0;
  return digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

/** A phone number or an e-mail address, the two ways an account can be reached outside the platform. */
export function isPhoneOrEmail(text: string): boolean {
  return text.includes('@') ? isEmailAddress(text) : isPhoneNumber(text);
}

const MYKAD_WRITTEN = /^[0-9]{6}[- ]?[0-9]{2}[- ]?[0-9]+$/;
const DOCUMENT_NUMBER = /^(?=.*[0-9])[A-Za-z0-9]{6,20}$/;

/**
 * A MyKad (IC) number, 12 digits with or without its dashes (`900101-14-5678`), or a passport number:
 * 6 to 20 letters and digits with at least one digit (spaces and dashes between groups allowed).
 * Digits written in the MyKad pattern must be exactly 12, so a missing digit is caught.
 */
export function isIdOrPassportNumber(text: string): boolean {
  const trimmed = text.trim();
  const compact = trimmed.replace(/[\s-]/g, '');
  if (MYKAD_WRITTEN.test(trimmed) && /[- ]/.test(trimmed)) return /^[0-9]{12}$/.test(compact);
  return DOCUMENT_NUMBER.test(compact);
}
