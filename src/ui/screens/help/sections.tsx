import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { ADDRESSES, HELPLINES } from './contacts';
import { ExternalAddress, PhoneLink } from './links';

/** The Help screen's sections, in page order; `#/help/<id>` opens the screen at that section. */
export const HELP_SECTIONS = ['helplines', 'capture', 'report', 'send', 'intimate-images', 'about'] as const;

export type HelpSectionId = (typeof HELP_SECTIONS)[number];

/** Each section's heading, also its entry in the table of contents. */
export const SECTION_TITLES = {
  helplines: 'help.helplines.title',
  capture: 'help.capture.title',
  report: 'help.report.title',
  send: 'help.send.title',
  'intimate-images': 'help.intimate.title',
  about: 'help.about.title',
} as const satisfies Record<HelpSectionId, MessageKey>;

/** The id of a section's heading, which is also where focus goes when the section is opened by link. */
export function sectionHeadingId(id: HelpSectionId): string {
  return `help-${id}`;
}

/** One titled section of the Help screen. */
export function HelpSection({ id, children }: { id: HelpSectionId; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <section class="help-section" aria-labelledby={sectionHeadingId(id)}>
      <h2 id={sectionHeadingId(id)} tabIndex={-1}>
        {t(SECTION_TITLES[id])}
      </h2>
      {children}
    </section>
  );
}

/** Helplines first: someone in distress should not have to scroll for a number. */
export function HelplinesSection() {
  const { t } = useI18n();
  return (
    <HelpSection id="helplines">
      <p>{t('help.helplines.intro')}</p>
      <ul class="help-contacts">
        {HELPLINES.map((line) => (
          <li key={line.name}>
            <h3>{t(line.name)}</h3>
            <p>{t(line.about)}</p>
            <p class="help-numbers">
              {line.numbers.map((phone, index) => (
                <span key={phone.dial}>
                  {index > 0 && <span class="help-or"> {t('help.or')} </span>}
                  <PhoneLink phone={phone} name={t(line.name)} />
                </span>
              ))}
            </p>
          </li>
        ))}
        <li>
          <h3>{t('help.helplines.kryss.name')}</h3>
          <p>{t('help.helplines.kryss.about')}</p>
          <p>
            <ExternalAddress href={ADDRESSES.kryss} />
          </p>
        </li>
      </ul>
      <p class="help-note">{t('help.helplines.callLog')}</p>
    </HelpSection>
  );
}

const CAPTURE_TIPS: readonly MessageKey[] = [
  'help.capture.urlClock',
  'help.capture.profile',
  'help.capture.firstLatestWorst',
  'help.capture.noEdit',
  'help.capture.links',
  'help.capture.timePlatform',
  'help.capture.log',
  'help.capture.referenceNumbers',
  'help.capture.noEngage',
  'help.capture.trustedPerson',
];

/** The checklist from survivor and investigator guides (DOMAIN.md, "What makes evidence useful"). */
export function CaptureSection() {
  const { t } = useI18n();
  return (
    <HelpSection id="capture">
      <p>{t('help.capture.intro')}</p>
      <ul class="help-checklist">
        {CAPTURE_TIPS.map((tip) => (
          <li key={tip}>{t(tip)}</li>
        ))}
      </ul>
    </HelpSection>
  );
}

/** StopNCII.org and Take It Down, and who each is for. */
export function IntimateImagesSection() {
  const { t } = useI18n();
  return (
    <HelpSection id="intimate-images">
      <p>{t('help.intimate.intro')}</p>
      <h3>{t('help.intimate.stopncii.title')}</h3>
      <p>{t('help.intimate.stopncii.body')}</p>
      <p>
        <ExternalAddress href={ADDRESSES.stopNcii} />
      </p>
      <h3>{t('help.intimate.takeItDown.title')}</h3>
      <p>{t('help.intimate.takeItDown.body')}</p>
      <p>
        <ExternalAddress href={ADDRESSES.takeItDown} />
      </p>
      <p class="help-note">{t('help.intimate.note')}</p>
    </HelpSection>
  );
}
