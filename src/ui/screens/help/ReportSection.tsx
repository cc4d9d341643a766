import { useI18n } from '../../i18n';
import { ADDRESSES, PLATFORM_HELP, POLICE_EMERGENCY } from './contacts';
import { ExternalAddress, PhoneLink, Rich } from './links';
import { HelpSection } from './sections';

/** Police, MCMC and each platform: where to go, what to bring, where in the app to report. */
export function ReportSection() {
  const { t } = useI18n();
  return (
    <HelpSection id="report">
      <p>{t('help.report.intro')}</p>

      <h3>{t('help.report.police.title')}</h3>
      <ul>
        <li>{t('help.report.police.where')}</li>
        <li>{t('help.report.police.bring')}</li>
        <li>{t('help.report.police.check')}</li>
        <li>{t('help.report.police.copy')}</li>
        <li>
          <Rich
            text={t('help.report.police.emergency')}
            parts={{ phone: <PhoneLink phone={POLICE_EMERGENCY} name={t('help.helplines.police.name')} /> }}
          />
        </li>
      </ul>

      <h3>{t('help.report.mcmc.title')}</h3>
      <p>
        <Rich
          text={t('help.report.mcmc.body')}
          parts={{ address: <ExternalAddress href={ADDRESSES.mcmc} /> }}
        />
      </p>
      <p>{t('help.report.mcmc.reference')}</p>

      <h3>{t('help.report.platforms.title')}</h3>
      <p>{t('help.report.platforms.intro')}</p>
      <p class="help-note">{t('help.report.platforms.links')}</p>
      <div class="help-platforms">
        {PLATFORM_HELP.map((platform) => (
          <details key={platform.name}>
            <summary>{t(platform.name)}</summary>
            <p>{t(platform.how)}</p>
            <p>
              {t('help.report.helpPage')} <ExternalAddress href={platform.href} />
            </p>
          </details>
        ))}
      </div>
      <p class="help-note">{t('help.report.platforms.menus')}</p>
    </HelpSection>
  );
}
