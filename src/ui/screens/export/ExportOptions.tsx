import { useId, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import type { ExportRequest } from '../../../core/service/export';
import { FileNameField } from '../../components/FileNameField';
import { useVaultData } from '../../hooks/use-vault-data';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { SealTargetFields, sealForOf, useSealTarget } from '../sealed/SealTarget';
import { canShareZip } from './save';

/** The survivor's choices, without the case (chosen above). */
export type ExportChoice = Omit<ExportRequest, 'caseId' | 'bundleId'>;

type Scope = 'all' | 'pick' | 'dates';
const POLICIES = ['blur', 'include', 'omit'] as const;
const LANGUAGES = ['both', 'en', 'ms'] as const;

export function ExportOptions({
  caseId,
  busy,
  onStart,
}: {
  caseId: string;
  busy: boolean;
  onStart: (c: ExportChoice, share: boolean) => void;
}) {
  const { t, date } = useI18n();
  const id = useId();
  const { data: items } = useVaultData(() => session.vault.listItems(caseId), [caseId]);
  const [scope, setScope] = useState<Scope>('all');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sensitive, setSensitive] = useState<(typeof POLICIES)[number]>('blur');
  const [language, setLanguage] = useState<(typeof LANGUAGES)[number]>('both');
  const [recipient, setRecipient] = useState('');
  const [fileName, setFileName] = useState('');
  const [sealing, setSealing] = useState(false);
  const sealTarget = useSealTarget();
  const [sealProblem, setSealProblem] = useState<{ key: MessageKey; params: MessageParams } | null>(null);

  const choice = (): ExportChoice => ({
    itemIds: scope === 'pick' ? [...picked] : null,
    from: scope === 'dates' && from ? from : undefined,
    to: scope === 'dates' && to ? to : undefined,
    sensitive,
    language,
    recipientNote: recipient,
    fileName,
    seal: sealing ? sealForOf(sealTarget) : undefined,
  });
  // Called within the click itself: saving to a file asks where first, which needs the click. A key
  // mistyped is named here, before any dialog opens or anything is made.
  const start = (share: boolean) => {
    setSealProblem(null);
    let chosen: ExportChoice;
    try {
      chosen = choice();
    } catch (error) {
      if (!isBuktiError(error)) throw error;
      setSealProblem({ key: error.code, params: error.params });
      return;
    }
    onStart(chosen, share);
  };
  const submit = (event: Event) => {
    event.preventDefault();
    start(false);
  };
  const radio = <T extends string>(
    name: string,
    value: T,
    current: T,
    set: (v: T) => void,
    label: MessageKey,
  ) => (
    <label class="check" key={value}>
      <input
        type="radio"
        name={`${id}-${name}`}
        value={value}
        checked={current === value}
        onChange={() => set(value)}
      />
      {t(label)}
    </label>
  );

  return (
    <form class="card" onSubmit={submit} aria-busy={busy}>
      <fieldset>
        <legend>{t('export.scope')}</legend>
        {radio('scope', 'all', scope, setScope, 'export.scope.all')}
        {radio('scope', 'pick', scope, setScope, 'export.scope.pick')}
        {scope === 'pick' && (
          <ul class="pick-list">
            {(items ?? []).map((item) => (
              <li key={item.id}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={picked.has(item.id)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if ((e.currentTarget as HTMLInputElement).checked) next.add(item.id);
                      else next.delete(item.id);
                      setPicked(next);
                    }}
                  />
                  {item.files[0]?.originalName ??
                    item.details.contentUrl ??
                    item.text?.slice(0, 60) ??
                    item.id}{' '}
                  · {date(item.captured.local.slice(0, 10))}
                </label>
              </li>
            ))}
          </ul>
        )}
        {radio('scope', 'dates', scope, setScope, 'export.scope.dates')}
        {scope === 'dates' && (
          <div class="filters">
            <div class="field">
              <label for={`${id}-from`}>{t('export.from')}</label>
              <input
                id={`${id}-from`}
                type="date"
                value={from}
                onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
            <div class="field">
              <label for={`${id}-to`}>{t('export.to')}</label>
              <input
                id={`${id}-to`}
                type="date"
                value={to}
                onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('export.sensitive')}</legend>
        {POLICIES.map((p) =>
          radio('sensitive', p, sensitive, setSensitive, `export.sensitive.${p}` as MessageKey),
        )}
      </fieldset>
      <div class="field">
        <label for={`${id}-language`}>{t('export.language')}</label>
        <select
          id={`${id}-language`}
          value={language}
          onChange={(e) =>
            setLanguage((e.currentTarget as HTMLSelectElement).value as (typeof LANGUAGES)[number])
          }
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`export.language.${l}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-recipient`}>{t('export.recipient')}</label>
        <input
          id={`${id}-recipient`}
          autoComplete="off"
          value={recipient}
          onInput={(e) => setRecipient((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <FileNameField
        kind={sealing ? 'sealedBundle' : 'bundle'}
        value={fileName}
        onInput={setFileName}
        disabled={busy}
      />
      <div class="export-seal">
        <label class="check">
          <input
            type="checkbox"
            checked={sealing}
            disabled={busy}
            aria-describedby={`${id}-seal-hint`}
            onChange={(e) => setSealing((e.currentTarget as HTMLInputElement).checked)}
          />
          {t('exportSeal.toggle')}
        </label>
        <p id={`${id}-seal-hint`} class="muted">
          {t('exportSeal.hint')}
        </p>
        {sealing && <SealTargetFields target={sealTarget} disabled={busy} />}
        {sealProblem && (
          <p class="error" role="alert">
            {t(sealProblem.key, sealProblem.params)}
          </p>
        )}
      </div>
      <p id={`${id}-save-hint`} class="muted">
        {t('export.saveHint')}
      </p>
      <div class="export-actions">
        <button type="submit" class="button primary" disabled={busy} aria-describedby={`${id}-save-hint`}>
          {t('export.start')}
        </button>
        {canShareZip() && (
          <button type="button" class="button" disabled={busy} onClick={() => start(true)}>
            {t('export.startShare')}
          </button>
        )}
      </div>
    </form>
  );
}
