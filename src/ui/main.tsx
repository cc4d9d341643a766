import { render } from 'preact';
import { App } from './app/App';
import { I18nProvider } from './i18n';
import { keepFieldsOutOfBrowserMemory } from './safety/field-memory';
import { migratePrefs } from './safety/prefs';
import './styles.css';
import './parts.css';
import './forms.css';
import './evidence.css';

// Before anything reads a choice: earlier versions stored them under keys that named the app.
migratePrefs();
// Before the first render: no field of the app is ever saved by autofill or restored by the browser.
keepFieldsOutOfBrowserMemory();

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <App />
    </I18nProvider>,
    root,
  );
}
