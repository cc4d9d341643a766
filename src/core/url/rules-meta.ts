import type { PlatformRule, UrlFacts } from './types';

const FACEBOOK_HANDLE = /^[A-Za-z0-9.]{1,50}$/;
const DIGITS = /^\d+$/;
/** First path segments that are Facebook features, not account names. */
const FACEBOOK_RESERVED = new Set([
  'ads',
  'business',
  'dialog',
  'events',
  'friends',
  'gaming',
  'groups',
  'hashtag',
  'help',
  'home.php',
  'l.php',
  'login',
  'login.php',
  'marketplace',
  'media',
  'messages',
  'notifications',
  'pages',
  'permalink.php',
  'photo',
  'photo.php',
  'plugins',
  'policies',
  'privacy',
  'reel',
  'reels',
  'search',
  'settings',
  'share',
  'sharer',
  'sharer.php',
  'stories',
  'story.php',
  'video.php',
  'watch',
]);

const facebookProfile = (handle?: string, userId?: string): string | undefined => {
  if (userId !== undefined) return `https://www.facebook.com/profile.php?id=${userId}`;
  if (handle !== undefined) return `https://www.facebook.com/${handle}`;
  return undefined;
};

const digitsOrUndefined = (value: string | null | undefined): string | undefined =>
  value != null && DIGITS.test(value) ? value : undefined;

/** facebook.com, m./web./mbasic.facebook.com, fb.com, fb.watch, fb.me. */
export const facebook: PlatformRule = ({ host, segments, query }) => {
  const [first, second, third, fourth] = segments;
  if (host === 'fb.watch') return { kind: 'video' };
  if (host === 'fb.me') return { kind: 'share' };
  if (first === undefined) return { kind: 'page' };
  if (first === 'profile.php') {
    const userId = digitsOrUndefined(query.get('id'));
    if (userId === undefined) return { kind: 'page' };
    return { kind: 'profile', userId, profileUrl: facebookProfile(undefined, userId) };
  }
  if (first === 'people' && third !== undefined && DIGITS.test(third)) {
    return { kind: 'profile', userId: third, profileUrl: facebookProfile(undefined, third) };
  }
  if (first === 'permalink.php' || first === 'story.php') {
    const postId = query.get('story_fbid') ?? undefined;
    const userId = digitsOrUndefined(query.get('id'));
    return { kind: 'post', postId, userId, profileUrl: facebookProfile(undefined, userId) };
  }
  if (first === 'photo.php' || first === 'photo') {
    return { kind: 'post', postId: digitsOrUndefined(query.get('fbid')) };
  }
  if (first === 'watch') return { kind: 'video', postId: digitsOrUndefined(query.get('v')) };
  if (first === 'video.php') return { kind: 'video', postId: digitsOrUndefined(query.get('v')) };
  if (first === 'reel' || first === 'reels') return { kind: 'video', postId: second };
  if (first === 'share') return { kind: 'share' };
  if (first === 'messages') return { kind: 'message', postId: third };
  if (first === 'groups') {
    if (second === undefined) return { kind: 'page' };
    if ((third === 'posts' || third === 'permalink') && fourth !== undefined) {
      return { kind: 'post', community: second, postId: fourth };
    }
    return { kind: 'group', community: second };
  }
  if (FACEBOOK_RESERVED.has(first) || !FACEBOOK_HANDLE.test(first)) return { kind: 'page' };
  const handle = first;
  const profileUrl = facebookProfile(handle);
  if ((second === 'posts' || second === 'videos') && third !== undefined) {
    return { kind: second === 'posts' ? 'post' : 'video', handle, postId: third, profileUrl };
  }
  if (second === 'photos' && third !== undefined) {
    return { kind: 'post', handle, postId: fourth ?? third, profileUrl };
  }
  return { kind: 'profile', handle, profileUrl };
};

const INSTAGRAM_HANDLE = /^[A-Za-z0-9._]{1,30}$/;
const INSTAGRAM_RESERVED = new Set([
  'about',
  'accounts',
  'developer',
  'direct',
  'explore',
  'legal',
  'p',
  'reel',
  'reels',
  'stories',
  'tv',
  'web',
]);
const instagramProfile = (handle: string): string => `https://www.instagram.com/${handle}`;

function instagramContent(kind: string, code: string | undefined): UrlFacts | undefined {
  if (code === undefined) return undefined;
  if (kind === 'p') return { kind: 'post', postId: code };
  if (kind === 'reel' || kind === 'reels' || kind === 'tv') return { kind: 'video', postId: code };
  return undefined;
}

/** instagram.com and instagr.am: profiles, /p/, /reel/, /reels/, /tv/, /stories/user/id, /direct/t/. */
export const instagram: PlatformRule = ({ segments }) => {
  const [first, second, third] = segments;
  if (first === undefined) return { kind: 'page' };
  const content = instagramContent(first, second);
  if (content !== undefined) return content;
  if (first === 'stories') {
    if (second === 'highlights') return { kind: 'story', postId: third };
    if (second === undefined || !INSTAGRAM_HANDLE.test(second)) return { kind: 'page' };
    return { kind: 'story', handle: second, postId: third, profileUrl: instagramProfile(second) };
  }
  if (first === 'direct') return { kind: 'message', postId: second === 't' ? third : undefined };
  if (INSTAGRAM_RESERVED.has(first) || !INSTAGRAM_HANDLE.test(first)) return { kind: 'page' };
  const nested = second === undefined ? undefined : instagramContent(second, third);
  if (nested !== undefined) return { ...nested, handle: first, profileUrl: instagramProfile(first) };
  return { kind: 'profile', handle: first, profileUrl: instagramProfile(first) };
};

/** threads.net and threads.com: /@user, /@user/post/code, /t/code. */
export const threads: PlatformRule = ({ segments }) => {
  const [first, second, third] = segments;
  if (first === 't' && second !== undefined) return { kind: 'post', postId: second };
  if (first === undefined || !/^@[A-Za-z0-9._]{1,30}$/.test(first)) return { kind: 'page' };
  const handle = first.slice(1);
  const profileUrl = `https://www.threads.net/@${handle}`;
  if (second === 'post' && third !== undefined) return { kind: 'post', handle, postId: third, profileUrl };
  return { kind: 'profile', handle, profileUrl };
};

const PHONE = /^\+?\d{6,15}$/;

/** wa.me/number, api.whatsapp.com/send?phone=, chat.whatsapp.com/invite, whatsapp.com/channel/id. */
export const whatsapp: PlatformRule = ({ host, segments, query }) => {
  const [first, second] = segments;
  if (host === 'chat.whatsapp.com') return first === undefined ? { kind: 'page' } : { kind: 'invite' };
  if (first === 'channel' && second !== undefined) return { kind: 'channel', community: second };
  if (first === 'message') return { kind: 'share' };
  if (host !== 'wa.me' && first !== 'send') return { kind: 'page' };
  const phone = host === 'wa.me' ? first : query.get('phone');
  if (phone == null || !PHONE.test(phone)) return { kind: 'page' };
  const userId = phone.replace(/^\+/, '');
  return { kind: 'profile', userId, profileUrl: `https://wa.me/${userId}` };
};
