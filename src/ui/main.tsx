import { render } from 'preact';
import { App } from './app/App';
import { I18nProvider } from './i18n';
import './styles.css';
import './forms.css';
import './evidence.css';

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <App />
    </I18nProvider>,
    root,
  );
}
