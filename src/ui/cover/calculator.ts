/** A plain four-function calculator, as on any phone: each operator applies to the result so far. */

export type Operator = '+' | '-' | '*' | '/';
export type CalcKey =
  | '0'
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'
  | '.'
  | Operator
  | '='
  | 'C'
  | 'back';

export interface CalcState {
  /** What the display shows; `error` after dividing by zero. */
  display: string;
  error: boolean;
  total: number | null;
  operator: Operator | null;
  /** The next digit starts a new number. */
  fresh: boolean;
  /** Every key typed since the last `=` or clear, so the cover can compare it with the opening code. */
  typed: string;
}

export const CALC_START: CalcState = {
  display: '0',
  error: false,
  total: null,
  operator: null,
  fresh: true,
  typed: '',
};

const MAX_DIGITS = 15;

function apply(left: number, operator: Operator, right: number): number {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
  }
}

/** A result as a calculator shows it: at most 12 significant digits, no trailing zeros. */
function show(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function evaluate(state: CalcState): { value: number; ok: boolean } {
  const current = Number(state.display);
  if (state.total === null || state.operator === null) return { value: current, ok: true };
  const value = apply(state.total, state.operator, current);
  return { value, ok: Number.isFinite(value) };
}

/** The state after pressing `key`. */
export function press(state: CalcState, key: CalcKey): CalcState {
  if (key === 'C') return CALC_START;
  if (state.error) return key === 'back' ? CALC_START : press(CALC_START, key);
  const typed = key === '=' ? '' : `${state.typed}${key === 'back' ? '' : key}`.slice(-40);
  if (key === 'back') {
    if (state.fresh) return state;
    const display = state.display.length > 1 ? state.display.slice(0, -1) : '0';
    return { ...state, display, typed: state.typed.slice(0, -1) };
  }
  if (/^[0-9]$/.test(key)) {
    if (state.fresh) return { ...state, display: key, fresh: false, typed };
    if (state.display.replace(/[^0-9]/g, '').length >= MAX_DIGITS) return state;
    return { ...state, display: state.display === '0' ? key : state.display + key, typed };
  }
  if (key === '.') {
    if (state.fresh) return { ...state, display: '0.', fresh: false, typed };
    return state.display.includes('.') ? state : { ...state, display: `${state.display}.`, typed };
  }
  const result =
    state.fresh && state.operator !== null ? { value: state.total ?? 0, ok: true } : evaluate(state);
  if (!result.ok) return { ...CALC_START, display: 'error', error: true };
  if (key === '=') return { ...CALC_START, display: show(result.value) };
  return {
    ...state,
    display: show(result.value),
    total: result.value,
    operator: key as Operator,
    fresh: true,
    typed,
  };
}
