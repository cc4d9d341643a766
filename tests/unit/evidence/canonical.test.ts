import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson, fromUtf8, utf8 } from '../../../src/core/canonical';
import { isBuktiError } from '../../../src/core/errors';

function refusal(value: unknown): unknown {
  try {
    canonicalJson(value);
  } catch (error) {
    return isBuktiError(error, 'canonical.unsupportedValue') ? error.params : error;
  }
  return 'accepted';
}

/** Rebuilds every object with its keys in a random order, to show the order does not matter. */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((element) => shuffleKeys(element, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(() => random() - 0.5);
  return Object.fromEntries(entries.map(([key, element]) => [key, shuffleKeys(element, random)]));
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x y' } })).toBe(
      '{"a":{"c":"x y","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('sorts by UTF-16 code unit, as RFC 8785 does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":3,"z":2,"é":1}');
  });

  it('leaves out properties whose value is undefined', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([1e21, 0.1, -0, 5e-7, 'line\nbreak "quoted" \u2028', '\ud800'])).toBe(
      '[1e+21,0.1,0,5e-7,"line\\nbreak \\"quoted\\" \u2028","\\ud800"]',
    );
  });

  it.each([
    ['NaN', { a: Number.NaN }, '$.a'],
    ['Infinity', [1, Number.POSITIVE_INFINITY], '$[1]'],
    ['undefined in a list', [undefined], '$[0]'],
    ['a bigint', { n: 1n }, '$.n'],
    ['a Date', { when: new Date(0) }, '$.when'],
    ['bytes', { data: new Uint8Array(2) }, '$.data'],
    ['a Map', { m: new Map() }, '$.m'],
    ['a function', { f: () => 1 }, '$.f'],
    ['undefined itself', undefined, '$'],
  ])('refuses %s', (_name, value, path) => {
    expect(refusal(value)).toMatchObject({ path });
  });

  it('refuses a cycle but accepts a value shared twice', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(refusal(cyclic)).toMatchObject({ path: '$.self', reason: 'cycle' });
  });

  it('is stable: parsing and writing again gives the same bytes, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        let state = seed;
        const random = () => {
          state = (state * 1103515245 + 12345) % 2147483648;
          return Math.abs(state) / 2147483648;
        };
        expect(canonicalJson(shuffleKeys(value, random))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('UTF-8 helpers', () => {
  it('encode and decode text outside ASCII', () => {
    const text = 'Bukti – tangkapan skrin 📸 证据';
    expect(fromUtf8(utf8(text))).toBe(text);
    expect(canonicalBytes({ t: 'é' })).toEqual(
      new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0xa9, 0x22, 0x7d]),
    );
  });

  it('refuse malformed UTF-8 instead of replacing it', () => {
    expect(() => fromUtf8(new Uint8Array([0x61, 0xc3]))).toThrow(TypeError);
  });
});
