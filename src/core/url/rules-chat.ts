import type { PlatformRule } from './types';

const TELEGRAM_NAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const DIGITS = /^\d+$/;
const TELEGRAM_RESERVED = new Set([
  'addstickers',
  'addemoji',
  'addtheme',
  'iv',
  'proxy',
  'setlanguage',
  'share',
]);

/** t.me, telegram.me, telegram.dog: /user, /channel/123, /c/123/456, /+invite, /joinchat/invite, /s/channel. */
export const telegram: PlatformRule = ({ segments }) => {
  const [first, second, third, fourth] = segments;
  if (first === undefined) return { kind: 'page' };
  if (first.startsWith('+') || first === 'joinchat') return { kind: 'invite' };
  if (first === 'c' && second !== undefined && DIGITS.test(second)) {
    // Private channel or group: /c/<id>/<message> or, in a topic, /c/<id>/<topic>/<message>.
    const message = fourth ?? third;
    if (message === undefined || !DIGITS.test(message)) return { kind: 'channel', community: second };
    return { kind: 'post', community: second, postId: message };
  }
  const name = first === 's' ? second : first;
  const rest = first === 's' ? third : second;
  if (name === undefined || TELEGRAM_RESERVED.has(name) || !TELEGRAM_NAME.test(name)) return { kind: 'page' };
  const profileUrl = `https://t.me/${name}`;
  const message = first === 's' ? rest : (third ?? second);
  if (message !== undefined && DIGITS.test(message)) {
    return { kind: 'post', handle: name, community: name, postId: message, profileUrl };
  }
  return { kind: 'profile', handle: name, profileUrl };
};

const SNOWFLAKE = /^\d{5,25}$/;

/** discord.com, discordapp.com, discord.gg: /channels/g/c/m, /channels/@me/c, /invite/code, /users/id. */
export const discord: PlatformRule = ({ host, segments }) => {
  const [first, second, third, fourth] = segments;
  if (host === 'discord.gg') return first === undefined ? { kind: 'page' } : { kind: 'invite' };
  if (first === 'invite' && second !== undefined) return { kind: 'invite' };
  if (first === 'users' && second !== undefined && SNOWFLAKE.test(second)) {
    return { kind: 'profile', userId: second, profileUrl: `https://discord.com/users/${second}` };
  }
  if (first === 'channels' && second !== undefined && third !== undefined) {
    const community = second === '@me' ? undefined : second;
    if (fourth !== undefined) return { kind: 'message', community, postId: fourth };
    return { kind: second === '@me' ? 'message' : 'channel', community };
  }
  return { kind: 'page' };
};

const SNAP_NAME = /^[A-Za-z][A-Za-z0-9._-]{1,30}$/;
const snapProfile = (handle: string): string => `https://www.snapchat.com/add/${handle}`;

/** snapchat.com/add/user, snapchat.com/@user, /t/code, /spotlight/id, story.snapchat.com. */
export const snapchat: PlatformRule = ({ host, segments }) => {
  const [first, second] = segments;
  if (host === 't.snapchat.com') return { kind: 'share' };
  if (host === 'story.snapchat.com') {
    if ((first === 's' || first === 'u') && second !== undefined && SNAP_NAME.test(second)) {
      return { kind: 'story', handle: second, profileUrl: snapProfile(second) };
    }
    return { kind: 'story', postId: first === 'p' ? second : undefined };
  }
  if (first === 't') return { kind: 'share' };
  if (first === 'spotlight' && second !== undefined) return { kind: 'video', postId: second };
  const handle = first === 'add' ? second : first?.startsWith('@') ? first.slice(1) : undefined;
  if (handle === undefined || !SNAP_NAME.test(handle)) return { kind: 'page' };
  return { kind: 'profile', handle, profileUrl: snapProfile(handle) };
};
