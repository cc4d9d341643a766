import { useId, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import {
  DISCREET_PRESETS,
  type DiscreetPreset,
  discreetPreset,
  PRESET_TITLE,
  setDiscreetPreset,
} from '../../safety/discreet';

/** Discreet mode: a neutral look for the tab, the home-screen icon and exported file names. */
export function DiscreetSection() {
  const { t } = useI18n();
  const id = useId();
  const [preset, setPreset] = useState<DiscreetPreset | null>(discreetPreset);
  const [saved, setSaved] = useState(false);
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('discreet.title')}</h2>
      <p>{t('discreet.explain')}</p>
      <div class="field">
        <label for={id}>{t('discreet.label')}</label>
        <select
          id={id}
          value={preset ?? ''}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            const next = value === '' ? null : (value as DiscreetPreset);
            setPreset(next);
            setDiscreetPreset(next);
            setSaved(true);
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
      <p role="status">{saved ? t('discreet.saved') : ''}</p>
    </section>
  );
}
