import { useId, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { writePrefs } from '../../safety/prefs';
import {
  EXIT_DESTINATIONS,
  EXIT_LABELS,
  type ExitDestination,
  exitDestination,
} from '../../safety/quick-exit';

/** Where quick exit goes: the built-in offline page or a well-known site. Kept in clear: it must work while locked. */
export function QuickExitSection() {
  const { t } = useI18n();
  const id = useId();
  const [destination, setDestination] = useState<ExitDestination>(exitDestination);
  const [saved, setSaved] = useState(false);
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('quickExit.title')}</h2>
      <p>{t('quickExit.explain')}</p>
      <div class="field">
        <label for={id}>{t('quickExit.label')}</label>
        <select
          id={id}
          value={destination}
          onChange={(e) => {
            const next = (e.currentTarget as HTMLSelectElement).value as ExitDestination;
            setDestination(next);
            writePrefs({ exit: next === 'page' ? undefined : next });
            setSaved(true);
          }}
        >
          {(Object.keys(EXIT_DESTINATIONS) as ExitDestination[]).map((name) => (
            <option key={name} value={name}>
              {t(EXIT_LABELS[name])}
            </option>
          ))}
        </select>
      </div>
      <p role="status">{saved ? t('quickExit.saved') : ''}</p>
    </section>
  );
}
