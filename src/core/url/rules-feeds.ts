import type { PlatformRule } from './types';

const DIGITS = /^\d+$/;
const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;
/** First path segments that are X features, not account names. */
const X_RESERVED = new Set([
  'compose',
  'explore',
  'hashtag',
  'home',
  'i',
  'intent',
  'login',
  'messages',
  'notifications',
  'privacy',
  'search',
  'settings',
  'share',
  'signup',
  'tos',
]);
const xProfile = (handle: string): string => `https://x.com/${handle}`;

/** x.com, twitter.com, mobile.twitter.com, t.co: /user, /user/status/id, /i/web/status/id, /i/user/id. */
export const x: PlatformRule = ({ host, segments, query }) => {
  const [first, second, third, fourth] = segments;
  if (host === 't.co') return { kind: 'share' };
  if (first === undefined) return { kind: 'page' };
  if (first === 'i') {
    const statusId =
      second === 'web' && third === 'status' ? fourth : second === 'status' ? third : undefined;
    if (statusId !== undefined && DIGITS.test(statusId)) return { kind: 'post', postId: statusId };
    if (second === 'user' && third !== undefined && DIGITS.test(third))
      return { kind: 'profile', userId: third };
    return { kind: 'page' };
  }
  if (first === 'intent' && second === 'user') {
    const userId = query.get('user_id');
    if (userId !== null && DIGITS.test(userId)) return { kind: 'profile', userId };
    const handle = query.get('screen_name');
    if (handle !== null && X_HANDLE.test(handle))
      return { kind: 'profile', handle, profileUrl: xProfile(handle) };
    return { kind: 'page' };
  }
  if (first === 'messages') return { kind: 'message', postId: second };
  if (X_RESERVED.has(first) || !X_HANDLE.test(first)) return { kind: 'page' };
  const profileUrl = xProfile(first);
  if ((second === 'status' || second === 'statuses') && third !== undefined && DIGITS.test(third)) {
    return { kind: 'post', handle: first, postId: third, profileUrl };
  }
  return { kind: 'profile', handle: first, profileUrl };
};

const TIKTOK_HANDLE = /^@[A-Za-z0-9._]{1,24}$/;

/** tiktok.com, m.tiktok.com, vm./vt.tiktok.com: /@user, /@user/video/id, /@user/photo/id, /t/code. */
export const tiktok: PlatformRule = ({ host, segments }) => {
  const [first, second, third] = segments;
  if (host === 'vm.tiktok.com' || host === 'vt.tiktok.com') return { kind: 'share' };
  if (first === undefined) return { kind: 'page' };
  if (first === 't') return { kind: 'share' };
  if (first === 'v' && second !== undefined) {
    const id = second.replace(/\.html$/, '');
    return DIGITS.test(id) ? { kind: 'video', postId: id } : { kind: 'page' };
  }
  if (first === 'embed' && second === 'v2' && third !== undefined) return { kind: 'video', postId: third };
  if (!TIKTOK_HANDLE.test(first)) return { kind: 'page' };
  const handle = first.slice(1);
  const profileUrl = `https://www.tiktok.com/@${handle}`;
  if ((second === 'video' || second === 'photo') && third !== undefined && DIGITS.test(third)) {
    return { kind: second === 'video' ? 'video' : 'post', handle, postId: third, profileUrl };
  }
  if (second === 'live') return { kind: 'video', handle, profileUrl };
  return { kind: 'profile', handle, profileUrl };
};

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;
const YOUTUBE_HANDLE = /^@[A-Za-z0-9._-]{1,100}$/;

/** youtube.com, m.youtube.com, youtu.be: watch?v=, /shorts/, /live/, /embed/, /@handle, /channel/, /c/, /user/. */
export const youtube: PlatformRule = ({ host, segments, query }) => {
  const [first, second] = segments;
  if (host === 'youtu.be') {
    return first !== undefined && YOUTUBE_ID.test(first)
      ? { kind: 'video', postId: first }
      : { kind: 'page' };
  }
  if (first === undefined) return { kind: 'page' };
  if (first === 'watch') {
    const v = query.get('v');
    return v !== null && YOUTUBE_ID.test(v) ? { kind: 'video', postId: v } : { kind: 'page' };
  }
  if (['shorts', 'live', 'embed', 'v', 'clip'].includes(first) && second !== undefined) {
    return YOUTUBE_ID.test(second) ? { kind: 'video', postId: second } : { kind: 'page' };
  }
  if (first === 'post' && second !== undefined) return { kind: 'post', postId: second };
  if (first === 'channel' && second !== undefined) {
    return { kind: 'profile', userId: second, profileUrl: `https://www.youtube.com/channel/${second}` };
  }
  if ((first === 'c' || first === 'user') && second !== undefined) {
    return { kind: 'profile', handle: second, profileUrl: `https://www.youtube.com/${first}/${second}` };
  }
  if (YOUTUBE_HANDLE.test(first)) {
    const handle = first.slice(1);
    const profileUrl = `https://www.youtube.com/@${handle}`;
    if (second === 'live') return { kind: 'video', handle, profileUrl };
    return { kind: 'profile', handle, profileUrl };
  }
  return { kind: 'page' };
};

const REDDIT_NAME = /^[A-Za-z0-9_-]{2,30}$/;
const REDDIT_ID = /^[a-z0-9]{2,12}$/i;

/** reddit.com (www., old., new., m.), redd.it: /r/sub/comments/id/slug, /r/sub/s/code, /user/, /u/. */
export const reddit: PlatformRule = ({ host, segments }) => {
  const [first, second, third, fourth] = segments;
  if (host === 'redd.it') {
    return first !== undefined && REDDIT_ID.test(first) ? { kind: 'post', postId: first } : { kind: 'page' };
  }
  if (first === 'comments' && second !== undefined) return { kind: 'post', postId: second };
  if (first === 'r' && second !== undefined && REDDIT_NAME.test(second)) {
    if (third === 'comments' && fourth !== undefined)
      return { kind: 'post', community: second, postId: fourth };
    if (third === 's') return { kind: 'share', community: second };
    return { kind: 'group', community: second };
  }
  if ((first === 'user' || first === 'u') && second !== undefined && REDDIT_NAME.test(second)) {
    const profileUrl = `https://www.reddit.com/user/${second}`;
    if (third === 'comments' && fourth !== undefined) {
      return { kind: 'post', handle: second, postId: fourth, profileUrl };
    }
    return { kind: third === 's' ? 'share' : 'profile', handle: second, profileUrl };
  }
  if (first === 'message') return { kind: 'message' };
  return { kind: 'page' };
};

const LINKEDIN_HANDLE = /^[A-Za-z0-9%_-]{2,100}$/;

/** linkedin.com: /in/handle, /posts/handle_slug-activity-id, /feed/update/urn:li:activity:id, /company/. */
export const linkedin: PlatformRule = ({ host, segments }) => {
  const [first, second, third] = segments;
  if (host === 'lnkd.in') return { kind: 'share' };
  if ((first === 'in' || first === 'company') && second !== undefined && LINKEDIN_HANDLE.test(second)) {
    const profileUrl = `https://www.linkedin.com/${first}/${second}`;
    if (first === 'company' && third === 'posts') return { kind: 'page', handle: second, profileUrl };
    return { kind: 'profile', handle: second, profileUrl };
  }
  if (first === 'posts' && second !== undefined) {
    const activity = /-(?:activity|share|ugcPost)-(\d+)/.exec(second);
    const handle = /^([A-Za-z0-9-]+)_/.exec(second)?.[1];
    return {
      kind: 'post',
      postId: activity?.[1],
      handle,
      profileUrl: handle === undefined ? undefined : `https://www.linkedin.com/in/${handle}`,
    };
  }
  if (first === 'feed' && second === 'update' && third !== undefined) {
    const urn = /^urn:li:(?:activity|share|ugcPost):(\d+)$/.exec(third);
    return urn === null ? { kind: 'page' } : { kind: 'post', postId: urn[1] };
  }
  if (first === 'pulse' && second !== undefined) return { kind: 'post' };
  return { kind: 'page' };
};
