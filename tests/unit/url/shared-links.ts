import type { Platform } from '../../../src/core/evidence/model';

/**
 * One link per platform as a share button gives it, with its tracking parameters, and what a link-only
 * item must read from it. Used by the unit tests and by the e2e capture test (which prints them).
 */
export interface SharedLink {
  platform: Exclude<Platform, 'other'>;
  /** The platform's name as the app shows it. */
  label: string;
  link: string;
  clean: string;
  handle?: string;
  userId?: string;
  postId?: string;
}

export const SHARED_LINKS: SharedLink[] = [
  {
    platform: 'x',
    label: 'X (Twitter)',
    link: 'https://x.com/Pembuli_2291/status/1911111111111111111?s=46&t=AbCdEf',
    clean: 'https://x.com/Pembuli_2291/status/1911111111111111111',
    handle: 'Pembuli_2291',
    postId: '1911111111111111111',
  },
  {
    platform: 'facebook',
    label: 'Facebook',
    link: 'https://www.facebook.com/zul.kifli.77/posts/pfbid02abcXYZ?mibextid=ZbWKwL&fbclid=IwAR0xyz',
    clean: 'https://www.facebook.com/zul.kifli.77/posts/pfbid02abcXYZ',
    handle: 'zul.kifli.77',
    postId: 'pfbid02abcXYZ',
  },
  {
    platform: 'instagram',
    label: 'Instagram',
    link: 'https://www.instagram.com/p/C0ffee123/?igsh=MXd4bTNtZ2x1&utm_source=ig_web_copy_link',
    clean: 'https://www.instagram.com/p/C0ffee123',
    postId: 'C0ffee123',
  },
  {
    platform: 'tiktok',
    label: 'TikTok',
    link: 'https://www.tiktok.com/@kulai.anon/video/7350000000000000000?is_from_webapp=1&sender_device=pc&_r=1',
    clean: 'https://www.tiktok.com/@kulai.anon/video/7350000000000000000',
    handle: 'kulai.anon',
    postId: '7350000000000000000',
  },
  {
    platform: 'telegram',
    label: 'Telegram',
    link: 'https://t.me/kumpulan_4b/123?utm_source=share',
    clean: 'https://t.me/kumpulan_4b/123',
    handle: 'kumpulan_4b',
    postId: '123',
  },
  {
    platform: 'whatsapp',
    label: 'WhatsApp',
    link: 'https://wa.me/60123456789?text=hai&utm_medium=share',
    clean: 'https://wa.me/60123456789?text=hai',
    userId: '60123456789',
  },
  {
    platform: 'youtube',
    label: 'YouTube',
    link: 'https://youtu.be/dQw4w9WgXcQ?si=AbCdEfGhIj&feature=shared',
    clean: 'https://youtu.be/dQw4w9WgXcQ',
    postId: 'dQw4w9WgXcQ',
  },
  {
    platform: 'reddit',
    label: 'Reddit',
    link: 'https://www.reddit.com/r/malaysia/comments/1abcde/some_title/?share_id=xyz&utm_content=1',
    clean: 'https://www.reddit.com/r/malaysia/comments/1abcde/some_title',
    postId: '1abcde',
  },
  {
    platform: 'threads',
    label: 'Threads',
    link: 'https://www.threads.net/@kulai.anon/post/C1abcDEF?xmt=AQGz&slof=1',
    clean: 'https://www.threads.net/@kulai.anon/post/C1abcDEF',
    handle: 'kulai.anon',
    postId: 'C1abcDEF',
  },
  {
    platform: 'snapchat',
    label: 'Snapchat',
    link: 'https://www.snapchat.com/add/kulai.anon?share_id=abc&locale=en-MY',
    clean: 'https://www.snapchat.com/add/kulai.anon',
    handle: 'kulai.anon',
  },
  {
    platform: 'discord',
    label: 'Discord',
    link: 'https://discord.com/channels/123456789012345678/234567890123456789/345678901234567890?utm_source=x',
    clean: 'https://discord.com/channels/123456789012345678/234567890123456789/345678901234567890',
    postId: '345678901234567890',
  },
  {
    platform: 'linkedin',
    label: 'LinkedIn',
    link: 'https://www.linkedin.com/posts/ali-baba_kata-kesat-activity-7150000000000000000-AbCd?utm_source=share&trk=abc',
    clean: 'https://www.linkedin.com/posts/ali-baba_kata-kesat-activity-7150000000000000000-AbCd',
    handle: 'ali-baba',
    postId: '7150000000000000000',
  },
];
