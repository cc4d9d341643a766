import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../core/i18n';
import { useI18n } from '../i18n';
import { isCoverCode } from '../safety/discreet';
import { CALC_START, type CalcKey, press } from './calculator';

const KEYS: { key: CalcKey; text: string; label?: MessageKey; wide?: boolean }[] = [
  { key: 'C', text: 'C', label: 'cover.calc.clear' },
  { key: 'back', text: '⌫', label: 'cover.calc.back' },
  { key: '/', text: '÷', label: 'cover.calc.divide' },
  { key: '*', text: '×', label: 'cover.calc.times' },
  { key: '7', text: '7' },
  { key: '8', text: '8' },
  { key: '9', text: '9' },
  { key: '-', text: '−', label: 'cover.calc.minus' },
  { key: '4', text: '4' },
  { key: '5', text: '5' },
  { key: '6', text: '6' },
  { key: '+', text: '+', label: 'cover.calc.plus' },
  { key: '1', text: '1' },
  { key: '2', text: '2' },
  { key: '3', text: '3' },
  { key: '=', text: '=', label: 'cover.calc.equals' },
  { key: '0', text: '0', wide: true },
  { key: '.', text: '.', label: 'cover.calc.point' },
];

/** Keyboard keys the calculator answers to (Escape stays free for quick exit). */
function keyFor(event: KeyboardEvent): CalcKey | null {
  if (/^[0-9.+\-*/=]$/.test(event.key)) return event.key as CalcKey;
  if (event.key === 'Enter') return '=';
  if (event.key === 'Backspace') return 'back';
  if (event.key === 'Delete' || event.key.toLowerCase() === 'c') return 'C';
  return null;
}

/** A working calculator. Typing the opening code and pressing = opens the unlock form. */
export function CalculatorCover({ title, onOpen }: { title: string; onOpen: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState(CALC_START);
  const latest = useRef(state);
  latest.current = state;

  const onKey = (key: CalcKey) => {
    const before = latest.current;
    const after = press(before, key);
    latest.current = after;
    setState(after);
    if (key === '=' && /^[0-9]+$/.test(before.typed)) {
      void isCoverCode(before.typed).then((match) => {
        if (match) onOpen();
      });
    }
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if ((event.target as Element | null)?.closest?.('button') && event.key === 'Enter') return;
      const key = keyFor(event);
      if (!key) return;
      event.preventDefault();
      onKey(key);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <section class="cover calculator" data-screen="cover">
      <h1 class="visually-hidden">{title}</h1>
      <output class="calc-display" aria-live="polite" aria-label={t('cover.calc.display')}>
        {state.error ? t('cover.calc.error') : state.display}
      </output>
      <fieldset class="calc-keys">
        <legend class="visually-hidden">{t('cover.calc.region')}</legend>
        {KEYS.map(({ key, text, label, wide }) => (
          <button
            key={key}
            type="button"
            class={`calc-key${wide ? ' wide' : ''}${/^[0-9.]$/.test(key) ? '' : ' op'}`}
            aria-label={label ? t(label) : undefined}
            onClick={() => onKey(key)}
          >
            {text}
          </button>
        ))}
      </fieldset>
    </section>
  );
}
