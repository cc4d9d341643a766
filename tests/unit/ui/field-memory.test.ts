import { h } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { keepFieldsOutOfBrowserMemory } from '../../../src/ui/safety/field-memory';

beforeAll(() => keepFieldsOutOfBrowserMemory());

const autocomplete = (type: string, props: Record<string, unknown> = {}) => {
  const props_ = h(type, props).props as unknown as Record<string, unknown>;
  return { autocomplete: props_.autocomplete, autoComplete: props_.autoComplete };
};

describe('no field of the app is remembered by the browser', () => {
  it('turns autocomplete off on every form, text field, text area and list, whatever the component asked for', () => {
    for (const type of ['form', 'input', 'textarea', 'select'])
      expect(autocomplete(type), type).toEqual({ autocomplete: 'off', autoComplete: undefined });
    expect(autocomplete('input', { type: 'text', autoComplete: 'email' })).toEqual({
      autocomplete: 'off',
      autoComplete: undefined,
    });
    expect(autocomplete('input', { type: 'url', autocomplete: 'on' }).autocomplete).toBe('off');
  });

  it('keeps the password-manager hint of a masked passphrase, and drops it once the passphrase is shown', () => {
    expect(autocomplete('input', { type: 'password', autoComplete: 'new-password' }).autoComplete).toBe(
      'new-password',
    );
    expect(autocomplete('input', { type: 'text', autoComplete: 'current-password' })).toEqual({
      autocomplete: 'off',
      autoComplete: undefined,
    });
  });

  it('leaves every other element alone', () => {
    expect(autocomplete('div', { autoComplete: 'on' })).toEqual({
      autocomplete: undefined,
      autoComplete: 'on',
    });
  });
});
