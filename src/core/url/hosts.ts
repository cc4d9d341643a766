import type { Platform } from '../evidence/model';
import { discord, snapchat, telegram } from './rules-chat';
import { linkedin, reddit, tiktok, x, youtube } from './rules-feeds';
import { facebook, instagram, threads, whatsapp } from './rules-meta';
import type { PlatformRule } from './types';

interface PlatformEntry {
  platform: Exclude<Platform, 'other'>;
  rule: PlatformRule;
  /** Query parameters that only track who shared the link (and may identify the survivor). */
  tracking: readonly string[];
}

const table = new Map<string, PlatformEntry>();
function register(entry: PlatformEntry, hosts: readonly string[]): void {
  for (const host of hosts) table.set(host, entry);
}

register({ platform: 'x', rule: x, tracking: ['s', 't', 'ref_src', 'ref_url', 'src', 'cn'] }, [
  'x.com',
  'mobile.x.com',
  'twitter.com',
  'mobile.twitter.com',
  'm.twitter.com',
  't.co',
]);
register(
  {
    platform: 'facebook',
    rule: facebook,
    tracking: [
      'mibextid',
      'rdid',
      'sfnsn',
      '_rdr',
      'refid',
      'ref',
      'fref',
      'hc_ref',
      'paipv',
      'eav',
      'notif_id',
      'notif_t',
      'comment_tracking',
      '__tn__',
      'share_url',
    ],
  },
  [
    'facebook.com',
    'm.facebook.com',
    'mbasic.facebook.com',
    'web.facebook.com',
    'touch.facebook.com',
    'mobile.facebook.com',
    'fb.com',
    'fb.watch',
    'fb.me',
  ],
);
register({ platform: 'instagram', rule: instagram, tracking: ['igsh', 'igshid', 'img_index_shared'] }, [
  'instagram.com',
  'm.instagram.com',
  'instagr.am',
]);
register(
  {
    platform: 'tiktok',
    rule: tiktok,
    tracking: [
      'is_from_webapp',
      'sender_device',
      'sender_web_id',
      '_r',
      '_t',
      'share_app_id',
      'share_link_id',
      'share_item_id',
      'u_code',
      'user_id',
      'preview_pb',
      'tt_from',
      'social_sharing',
      'source',
      'timestamp',
      'checksum',
      'sec_uid',
      'sec_user_id',
      'language',
      'refer',
      'web_id',
      'is_copy_url',
    ],
  },
  ['tiktok.com', 'm.tiktok.com', 'vm.tiktok.com', 'vt.tiktok.com'],
);
register({ platform: 'telegram', rule: telegram, tracking: [] }, ['t.me', 'telegram.me', 'telegram.dog']);
register({ platform: 'whatsapp', rule: whatsapp, tracking: [] }, [
  'wa.me',
  'api.whatsapp.com',
  'web.whatsapp.com',
  'whatsapp.com',
  'chat.whatsapp.com',
]);
register({ platform: 'youtube', rule: youtube, tracking: ['si', 'feature', 'pp', 'ab_channel', 'app'] }, [
  'youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtu.be',
  'youtube-nocookie.com',
]);
register(
  {
    platform: 'reddit',
    rule: reddit,
    tracking: ['share_id', 'rdt', 'ref', 'ref_source', 'ref_campaign', 'sh'],
  },
  [
    'reddit.com',
    'old.reddit.com',
    'new.reddit.com',
    'np.reddit.com',
    'm.reddit.com',
    'sh.reddit.com',
    'redd.it',
  ],
);
register({ platform: 'threads', rule: threads, tracking: ['xmt', 'slof', 'hl'] }, [
  'threads.net',
  'threads.com',
]);
register(
  {
    platform: 'snapchat',
    rule: snapchat,
    tracking: ['share_id', 'sid', 'locale', 'sender_web_id', 'link_source'],
  },
  ['snapchat.com', 'story.snapchat.com', 't.snapchat.com'],
);
register({ platform: 'discord', rule: discord, tracking: [] }, [
  'discord.com',
  'discordapp.com',
  'canary.discord.com',
  'ptb.discord.com',
  'discord.gg',
]);
register(
  {
    platform: 'linkedin',
    rule: linkedin,
    tracking: [
      'trk',
      'trackingId',
      'lipi',
      'midToken',
      'midSig',
      'rcm',
      'originalSubdomain',
      'trkEmail',
      'eid',
      'otpToken',
    ],
  },
  ['linkedin.com', 'm.linkedin.com', 'lnkd.in'],
);

/** Tracking parameters removed on every host, known or not. */
export const GLOBAL_TRACKING = [
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'mc_cid',
  'mc_eid',
  'igsh',
  'igshid',
  '_ga',
  '_gl',
] as const;

/** The platform entry for a host (already lowercase, without `www.` and trailing dot), if any. */
export function platformForHost(host: string): PlatformEntry | undefined {
  return table.get(host);
}
