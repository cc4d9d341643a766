import { describe, expect, it } from 'vitest';
import { CALC_START, type CalcKey, type CalcState, press } from '../../../src/ui/cover/calculator';

function run(keys: string): CalcState {
  let state = CALC_START;
  for (const key of keys.split(' ')) state = press(state, key as CalcKey);
  return state;
}

describe('the cover calculator', () => {
  it('calculates like a phone calculator, left to right', () => {
    expect(run('1 2 + 3 0 =').display).toBe('42');
    expect(run('7 - 1 0 =').display).toBe('-3');
    expect(run('2 + 3 * 4 =').display).toBe('20');
    expect(run('1 / 3 =').display).toBe('0.333333333333');
    expect(run('0 . 1 + 0 . 2 =').display).toBe('0.3');
    expect(run('9 * * 2 =').display).toBe('18');
    expect(run('1 2 3 back back 4 =').display).toBe('14');
  });

  it('shows an error after dividing by zero and starts again on the next key', () => {
    const error = run('5 / 0 =');
    expect(error.error).toBe(true);
    expect(press(error, '7').display).toBe('7');
    expect(run('5 / 0 = C').display).toBe('0');
  });

  it('remembers what was typed since the last = or clear, for the opening code', () => {
    expect(run('4 8 1 5').typed).toBe('4815');
    expect(run('1 + 2 = 4 8 1 5').typed).toBe('4815');
    expect(run('4 8 1 9 back 5').typed).toBe('4815');
    expect(run('4 8 1 5 C').typed).toBe('');
    expect(run('1 + 2').typed).toBe('1+2');
  });
});
