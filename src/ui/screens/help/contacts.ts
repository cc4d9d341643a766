import type { MessageKey } from '../../../core/i18n';

/** A phone number as people write it in Malaysia, and the form a phone dials. */
export interface PhoneNumber {
  shown: string;
  dial: string;
}

/** A helpline: who it is, what it is for, and its numbers. */
export interface Helpline {
  name: MessageKey;
  about: MessageKey;
  numbers: readonly PhoneNumber[];
}

export const POLICE_EMERGENCY: PhoneNumber = { shown: '999', dial: '999' };

/** Helplines from DOMAIN.md, in the order a survivor is most likely to need them. */
export const HELPLINES: readonly Helpline[] = [
  {
    name: 'help.helplines.wao.name',
    about: 'help.helplines.wao.about',
    numbers: [{ shown: '018-988 8058', dial: '+60189888058' }],
  },
  {
    name: 'help.helplines.awam.name',
    about: 'help.helplines.awam.about',
    numbers: [
      { shown: '016-237 4221', dial: '+60162374221' },
      { shown: '016-228 4221', dial: '+60162284221' },
    ],
  },
  { name: 'help.helplines.police.name', about: 'help.helplines.police.about', numbers: [POLICE_EMERGENCY] },
];

/** Official web addresses. Shown as text to copy; they open only when the person chooses to. */
export const ADDRESSES = {
  kryss: 'https://kryss.network',
  mcmc: 'https://aduan.skmm.gov.my',
  stopNcii: 'https://stopncii.org',
  takeItDown: 'https://takeitdown.ncmec.org',
} as const;

/** Where in each app to report, and the platform's own help page about reporting. */
export interface PlatformHelp {
  name: MessageKey;
  how: MessageKey;
  href: string;
}

export const PLATFORM_HELP: readonly PlatformHelp[] = [
  {
    name: 'platform.x',
    how: 'help.platform.x',
    href: 'https://help.x.com/en/safety-and-security/report-abusive-behavior',
  },
  {
    name: 'platform.facebook',
    how: 'help.platform.facebook',
    href: 'https://www.facebook.com/help/1380418588640631',
  },
  {
    name: 'platform.instagram',
    how: 'help.platform.instagram',
    href: 'https://help.instagram.com/192435014247952',
  },
  {
    name: 'platform.tiktok',
    how: 'help.platform.tiktok',
    href: 'https://support.tiktok.com/en/safety-hc/report-a-problem',
  },
  {
    name: 'platform.telegram',
    how: 'help.platform.telegram',
    href: 'https://telegram.org/faq#q-there-39s-illegal-content-on-telegram-how-do-i-take-it-down',
  },
  {
    name: 'platform.whatsapp',
    how: 'help.platform.whatsapp',
    href: 'https://faq.whatsapp.com/1142481766359885',
  },
  {
    name: 'platform.youtube',
    how: 'help.platform.youtube',
    href: 'https://support.google.com/youtube/answer/2802027',
  },
];
