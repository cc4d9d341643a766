import { useId, useState } from 'preact/hooks';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import {
  CODE_LENGTH,
  DISCREET_PRESETS,
  type DiscreetPreset,
  discreetPreset,
  hasCoverCode,
  isValidCode,
  PRESET_TITLE,
  setDiscreet,
} from '../../safety/discreet';

/**
 * Choosing discreet mode: the look and the opening code that leads from the cover to the unlock form.
 * Used in Settings and on the first-use screen, so it can be chosen before the app is installed.
 */
export function DiscreetChooser() {
  const { t } = useI18n();
  const id = useId();
  const [preset, setPreset] = useState<DiscreetPreset | null>(discreetPreset);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ key: MessageKey; ok: boolean } | null>(null);
  const keepCode = hasCoverCode();
  const limits = { min: CODE_LENGTH.min, max: CODE_LENGTH.max };

  const save = async (event: Event) => {
    event.preventDefault();
    if (preset && !(keepCode && code === '') && !isValidCode(code)) {
      setMessage({ key: 'discreet.codeInvalid', ok: false });
      return;
    }
    await setDiscreet(preset, code === '' ? undefined : code);
    setCode('');
    setMessage({ key: preset ? 'discreet.saved' : 'discreet.savedOff', ok: true });
  };

  return (
    <form class="discreet-chooser" onSubmit={save} noValidate>
      <p>{t('discreet.explain')}</p>
      <p>{t('discreet.howToOpen')}</p>
      <p>{t('discreet.install')}</p>
      <div class="field">
        <label for={`${id}-look`}>{t('discreet.label')}</label>
        <select
          id={`${id}-look`}
          value={preset ?? ''}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            setPreset(value === '' ? null : (value as DiscreetPreset));
            setMessage(null);
          }}
        >
          <option value="">{t('discreet.off')}</option>
          {DISCREET_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(PRESET_TITLE[p])}
            </option>
          ))}
        </select>
      </div>
      {preset && (
        <div class="field">
          <label for={`${id}-code`}>{t('discreet.code', limits)}</label>
          <input
            id={`${id}-code`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={code}
            maxLength={CODE_LENGTH.max}
            aria-describedby={`${id}-code-hint`}
            aria-invalid={message?.key === 'discreet.codeInvalid' ? 'true' : undefined}
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value.trim())}
          />
          <p id={`${id}-code-hint`} class="muted">
            {t('discreet.codeHint')} {keepCode ? t('discreet.codeKeep') : ''}
          </p>
        </div>
      )}
      <button type="submit" class="button">
        {t('discreet.save')}
      </button>
      <p
        role={message?.ok === false ? 'alert' : 'status'}
        class={message?.ok === false ? 'error' : undefined}
      >
        {message ? t(message.key, limits) : ''}
      </p>
    </form>
  );
}
