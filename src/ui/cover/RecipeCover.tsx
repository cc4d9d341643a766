import { useI18n } from '../i18n';
import { SearchCover } from './SearchCover';

/** A short recipe with a search box; searching for the opening code opens the unlock form. */
export function RecipeCover({ title, onOpen }: { title: string; onOpen: () => void }) {
  const { t } = useI18n();
  const ingredients = t('cover.recipe.ingredients').split('\n');
  const steps = t('cover.recipe.steps').split('\n');
  return (
    <SearchCover title={title} lines={() => [...ingredients, ...steps]} onOpen={onOpen}>
      <article>
        <h2>{t('cover.recipe.title')}</h2>
        <p class="cover-muted">{t('cover.recipe.meta')}</p>
        <h3>{t('cover.recipe.ingredientsTitle')}</h3>
        <ul>
          {ingredients.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h3>{t('cover.recipe.stepsTitle')}</h3>
        <ol>
          {steps.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </article>
    </SearchCover>
  );
}
