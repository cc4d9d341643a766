import { type ComponentChildren, Fragment } from 'preact';
import type { MessageKey } from '../../core/i18n';
import { useI18n } from '../i18n';

/** Label and value pairs as a description list (`dt`/`dd`), which screen readers read as pairs. */
export function DefinitionList({
  rows,
  class: className,
}: {
  rows: Array<[MessageKey, ComponentChildren]>;
  class: string;
}) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  return (
    <dl class={className}>
      {rows.map(([key, value]) => (
        <Fragment key={key}>
          <dt>{t(key)}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
