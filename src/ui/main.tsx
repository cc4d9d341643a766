import { render } from 'preact';
import { loadSodium } from '../core/crypto/sodium';
import { isBuktiError } from '../core/errors';
import { App } from './app/App';
import { CryptoFailure } from './app/CryptoFailure';
import { I18nProvider } from './i18n';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <App />
    </I18nProvider>,
    root,
  );
  // Load and check the crypto layer at start-up: a browser without a primitive Bukti needs is told so
  // now, before anyone types a passphrase or captures anything.
  loadSodium().catch((error: unknown) => {
    const missing = isBuktiError(error, 'crypto.unavailable') ? String(error.params.missing) : 'libsodium';
    render(
      <I18nProvider>
        <CryptoFailure missing={missing} />
      </I18nProvider>,
      root,
    );
  });
}
