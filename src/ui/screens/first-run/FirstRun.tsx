import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { markFirstRunSeen } from './seen';
import './first-run.css';

export { firstRunSeen, markFirstRunSeen } from './seen';

const STEPS = [
  { title: 'firstRun.what.title', paragraphs: ['firstRun.what.body', 'firstRun.what.detail'] },
  { title: 'firstRun.local.title', paragraphs: ['firstRun.local.body', 'firstRun.local.detail'] },
  {
    title: 'firstRun.passphrase.title',
    paragraphs: ['firstRun.passphrase.body', 'firstRun.passphrase.backup'],
  },
] as const satisfies readonly { title: MessageKey; paragraphs: readonly MessageKey[] }[];

/**
 * The three-screen introduction shown before the vault is created. Finishing or skipping it marks it seen
 * (see `firstRunSeen`) and calls `onDone`.
 */
export function FirstRun({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [index, setIndex] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const step = STEPS[index] ?? STEPS[0];
  const last = index === STEPS.length - 1;

  // Each step is a new screen: moving focus to its heading makes screen readers read the step and title.
  useEffect(() => {
    heading.current?.focus();
  }, [index]);

  const finish = () => {
    markFirstRunSeen();
    onDone();
  };

  return (
    <section
      class="first-run"
      aria-labelledby={headingId}
      data-screen="first-run"
      data-first-run-step={index + 1}
    >
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        <span class="first-run-step">{t('firstRun.step', { current: index + 1, total: STEPS.length })}</span>
        <span class="visually-hidden">: </span>
        {t(step.title)}
      </h1>
      {step.paragraphs.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
      <div class="first-run-actions">
        {index > 0 && (
          <button type="button" class="button" onClick={() => setIndex(index - 1)}>
            {t('firstRun.back')}
          </button>
        )}
        <button type="button" class="button primary" onClick={last ? finish : () => setIndex(index + 1)}>
          {t(last ? 'firstRun.done' : 'firstRun.next')}
        </button>
        <button type="button" class="button first-run-skip" onClick={finish}>
          {t('firstRun.skip')}
        </button>
      </div>
    </section>
  );
}
