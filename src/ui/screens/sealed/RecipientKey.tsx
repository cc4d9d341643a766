import { useEffect, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey } from '../../../core/i18n';
import { generateAgeIdentity, identityFileText, recipientOfIdentityFile } from '../../../core/seal';
import { useI18n } from '../../i18n';
import { session, useSession } from '../../state/session';
import { QrCode } from './QrCode';
import { loadVaultKey, saveVaultKey } from './vault-key';

/** The key in use on this screen: the key file's text (secret) and the recipient others seal for. */
export interface LoadedKey {
  identityFile: string;
  recipient: string;
  /** True for a key made here and not yet saved: the person must save it before anything is sealed for it. */
  fresh: boolean;
  /** True when it came from (or was put in) the unlocked vault: dropped when the vault locks. */
  inVault?: boolean;
}

/** A link that downloads `text` as a file; revoked when the key changes or the screen closes. */
function useTextUrl(text: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text === null) return;
    const objectUrl = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [text]);
  return url;
}

/**
 * The recipient's key: make one (a key file to save, like `age-keygen` makes) or load the one they have;
 * then show its public half (`age1…`) as text and as a QR code for the survivor to scan.
 */
export function RecipientKey({
  loaded,
  onLoad,
}: {
  loaded: LoadedKey | null;
  onLoad: (key: LoadedKey | null) => void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<{ code: MessageKey; line?: number } | null>(null);
  const url = useTextUrl(loaded?.fresh ? loaded.identityFile : null);
  const state = useSession();
  const unlocked = state.status === 'unlocked';

  // With the vault open, its key (if one was kept there) is ready to use; locking forgets it here too.
  useEffect(() => {
    if (!unlocked) {
      if (loaded?.inVault) onLoad(null);
      return;
    }
    if (loaded) return;
    void loadVaultKey(session.vault).then((stored) => {
      if (stored)
        onLoad({
          identityFile: stored.identityFile,
          recipient: stored.recipient,
          fresh: false,
          inVault: true,
        });
    });
  }, [unlocked, loaded, onLoad]);

  const keep = async () => {
    if (!loaded || !unlocked) return;
    await saveVaultKey(session.vault, loaded);
    onLoad({ ...loaded, fresh: false, inVault: true });
  };

  const make = async () => {
    setProblem(null);
    const key = await generateAgeIdentity();
    onLoad({ identityFile: identityFileText(key, new Date()), recipient: key.recipient, fresh: true });
  };

  const load = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      const text = await file.text();
      onLoad({ identityFile: text, recipient: await recipientOfIdentityFile(text), fresh: false });
    } catch (error) {
      setProblem(
        isBuktiError(error)
          ? { code: error.code, line: Number(error.params.line) }
          : { code: 'seal.identity.none' },
      );
    }
  };

  return (
    <div class="recipient-key">
      <h3>{t('sealUi.key.title')}</h3>
      <p>{t('sealUi.key.intro')}</p>
      <div class="sealed-actions">
        <button type="button" class="button" onClick={() => void make()}>
          {t('sealUi.key.make')}
        </button>
        <label class="button">
          {t('sealUi.key.load')}
          <input
            type="file"
            accept=".txt,text/plain"
            class="visually-hidden"
            data-testid="key-file"
            onChange={(event) => void load(event.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {problem && (
        <p class="error" role="alert">
          {t(problem.code, { line: problem.line ?? 0 })}
        </p>
      )}
      {loaded && (
        <div class="key-card">
          {loaded.fresh && url && (
            <p class="notice">
              {t('sealUi.key.saveFirst')}{' '}
              <a class="button small" href={url} download="bukti-age-key.txt" data-testid="key-download">
                {t('sealUi.key.download')}
              </a>
            </p>
          )}
          {unlocked && !loaded.inVault && (
            <p>
              <button type="button" class="button small" onClick={() => void keep()}>
                {t('sealUi.key.keepInVault')}
              </button>
            </p>
          )}
          {loaded.inVault && <p data-testid="key-in-vault">{t('sealUi.key.inVault')}</p>}
          <p>{t('sealUi.key.share')}</p>
          <p>
            <code class="recipient wrap-anywhere" data-testid="key-recipient">
              {loaded.recipient}
            </code>
          </p>
          <QrCode text={loaded.recipient} label={t('sealUi.key.qr', { recipient: loaded.recipient })} />
        </div>
      )}
    </div>
  );
}
