import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { isCoverCode } from '../safety/discreet';

/**
 * A page with a search box: searching finds lines of `lines`, and searching for the opening code opens
 * the unlock form instead (the box is cleared, nothing is shown about it).
 */
export function SearchCover({
  title,
  lines,
  onOpen,
  children,
}: {
  title: string;
  lines: () => string[];
  onOpen: () => void;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<string[] | null>(null);

  const search = async (event: Event) => {
    event.preventDefault();
    const text = query.trim();
    if (await isCoverCode(text)) {
      setQuery('');
      setFound(null);
      onOpen();
      return;
    }
    const needle = text.toLowerCase();
    setFound(needle ? lines().filter((line) => line.toLowerCase().includes(needle)) : null);
  };

  return (
    <section class="cover page-cover" data-screen="cover">
      <h1>{title}</h1>
      <search>
        <form onSubmit={search}>
          <label for={id}>{t('cover.search')}</label>
          <input
            id={id}
            type="search"
            value={query}
            autoComplete="off"
            onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
          />
        </form>
      </search>
      <div aria-live="polite">
        {found && found.length === 0 && <p>{t('cover.search.none')}</p>}
        {found && found.length > 0 && (
          <ul class="cover-results">
            {found.map((line, index) => (
              <li key={`${index}-${line}`}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {children}
    </section>
  );
}
