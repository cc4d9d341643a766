import { useEffect, useRef, useState } from 'preact/hooks';
import { currentRoute, hrefFor, useRoute } from '../../app/router';
import { useI18n } from '../../i18n';
import { FirstRun } from '../first-run/FirstRun';
import { ScreenIntro } from '../ScreenIntro';
import { NEW_TAB_NOTE_ID } from './links';
import { ReportSection } from './ReportSection';
import { SendSection } from './SendSection';
import { focusSection, useSectionFocus } from './section-focus';
import {
  CaptureSection,
  HELP_SECTIONS,
  HelplinesSection,
  HelpSection,
  type HelpSectionId,
  IntimateImagesSection,
  SECTION_TITLES,
} from './sections';
import './help.css';

function isSection(value: string | undefined): value is HelpSectionId {
  return (HELP_SECTIONS as readonly (string | undefined)[]).includes(value);
}

/** The table of contents: links to `#/help/<section>`, so a section can also be linked from other screens. */
function Contents() {
  const { t } = useI18n();
  return (
    <nav class="help-toc" aria-label={t('help.toc.label')}>
      <ul>
        {HELP_SECTIONS.map((id) => (
          <li key={id}>
            <a
              href={hrefFor('help', id)}
              onClick={(event) => {
                // The same section again changes no route; move to the section anyway.
                const route = currentRoute();
                if (route.screen === 'help' && route.rest[0] === id) {
                  event.preventDefault();
                  focusSection(id);
                }
              }}
            >
              {t(SECTION_TITLES[id])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Help that works offline: helplines, capturing well, reporting, intimate images, what Bukti proves. */
export function HelpScreen() {
  const { t } = useI18n();
  const route = useRoute();
  const section = route.screen === 'help' ? route.rest[0] : undefined;
  const [showIntro, setShowIntro] = useState(false);
  const introButton = useRef<HTMLButtonElement>(null);
  const introWasOpen = useRef(false);

  useSectionFocus(isSection(section) ? section : undefined);

  // Back from the introduction: return focus to the button that opened it.
  useEffect(() => {
    if (introWasOpen.current && !showIntro) introButton.current?.focus();
    introWasOpen.current = showIntro;
  }, [showIntro]);

  return (
    <section class="screen help" data-screen="help">
      {showIntro ? (
        <FirstRun onDone={() => setShowIntro(false)} />
      ) : (
        <>
          <ScreenIntro title="screen.help.title" intro="screen.help.intro" />
          <p class="help-note">{t('help.offline')}</p>
          <span id={NEW_TAB_NOTE_ID} hidden>
            {t('help.newTab')}
          </span>
          <Contents />
          <HelplinesSection />
          <CaptureSection />
          <ReportSection />
          <SendSection />
          <IntimateImagesSection />
          <HelpSection id="about">
            <p>
              {t('help.about.can')} {t('help.about.cannot')}
            </p>
            <button type="button" class="button" ref={introButton} onClick={() => setShowIntro(true)}>
              {t('help.about.showIntro')}
            </button>
          </HelpSection>
        </>
      )}
    </section>
  );
}
