import { type ComponentChildren, Fragment } from 'preact';
import { useI18n } from '../../i18n';
import type { PhoneNumber } from './contacts';

/** The id of the hidden "(opens in a new tab)" note that every external address points to. */
export const NEW_TAB_NOTE_ID = 'help-new-tab-note';

/** A number to tap and call; the number stays visible and the label says who is called. */
export function PhoneLink({ phone, name }: { phone: PhoneNumber; name: string }) {
  const { t } = useI18n();
  return (
    <a
      class="help-phone"
      href={`tel:${phone.dial}`}
      aria-label={t('help.call', { name, number: phone.shown })}
    >
      {phone.shown}
    </a>
  );
}

/**
 * An official address, shown in full so it can be copied. It opens only on a click, in a new tab, with no
 * referrer: Bukti itself never fetches it.
 */
export function ExternalAddress({ href }: { href: string }) {
  return (
    <a
      class="help-address"
      href={href}
      target="_blank"
      rel="noreferrer noopener"
      aria-describedby={NEW_TAB_NOTE_ID}
    >
      {href.replace(/^https:\/\/(www\.)?/, '')}
    </a>
  );
}

/**
 * A catalogue message whose `{name}` placeholders are filled with elements, so each language keeps its own
 * word order around a link.
 */
export function Rich({ text, parts }: { text: string; parts: Record<string, ComponentChildren> }) {
  const pieces = text.split(/\{(\w+)\}/);
  return (
    <>
      {pieces.map((piece, index) =>
        index % 2 === 1 ? <Fragment key={piece}>{parts[piece] ?? `{${piece}}`}</Fragment> : piece,
      )}
    </>
  );
}
