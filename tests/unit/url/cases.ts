import type { ParsedUrl } from '../../../src/core/url/types';

type Expected = Partial<Omit<ParsedUrl, 'ok' | 'original'>>;

/** Real link shapes as people paste them, and what each must reveal. */
export const CASES: [string, Expected][] = [
  // X / Twitter
  ['x.com/abc', { platform: 'x', kind: 'profile', handle: 'abc', normalizedUrl: 'https://x.com/abc' }],
  [
    'https://twitter.com/Kulai_Alert/status/1780000000000000001?s=20&t=Zx9',
    {
      platform: 'x',
      kind: 'post',
      handle: 'Kulai_Alert',
      postId: '1780000000000000001',
      profileUrl: 'https://x.com/Kulai_Alert',
      normalizedUrl: 'https://twitter.com/Kulai_Alert/status/1780000000000000001',
    },
  ],
  [
    'https://mobile.twitter.com/someone/status/123/photo/1',
    { platform: 'x', kind: 'post', handle: 'someone', postId: '123' },
  ],
  [
    'https://x.com/i/web/status/1790000000000000002',
    { platform: 'x', kind: 'post', postId: '1790000000000000002' },
  ],
  [
    'HTTPS://X.COM/Someone/',
    { platform: 'x', kind: 'profile', handle: 'Someone', normalizedUrl: 'https://x.com/Someone' },
  ],
  ['https://x.com/i/user/44196397', { platform: 'x', kind: 'profile', userId: '44196397' }],
  ['https://x.com/search?q=bukti', { platform: 'x', kind: 'page' }],
  ['https://t.co/AbCdEf123', { platform: 'x', kind: 'share' }],
  // Facebook
  [
    'https://www.facebook.com/profile.php?id=100012345678901&mibextid=ZbWKwL',
    {
      platform: 'facebook',
      kind: 'profile',
      userId: '100012345678901',
      normalizedUrl: 'https://www.facebook.com/profile.php?id=100012345678901',
      profileUrl: 'https://www.facebook.com/profile.php?id=100012345678901',
    },
  ],
  ['m.facebook.com/zul.kifli.77', { platform: 'facebook', kind: 'profile', handle: 'zul.kifli.77' }],
  [
    'https://www.facebook.com/people/Ali-Baba/100087654321098/',
    { platform: 'facebook', kind: 'profile', userId: '100087654321098' },
  ],
  [
    'https://www.facebook.com/zul.kifli.77/posts/pfbid02abcXYZ',
    { platform: 'facebook', kind: 'post', handle: 'zul.kifli.77', postId: 'pfbid02abcXYZ' },
  ],
  [
    'https://www.facebook.com/permalink.php?story_fbid=pfbid0xyz&id=100012345678901',
    { platform: 'facebook', kind: 'post', postId: 'pfbid0xyz', userId: '100012345678901' },
  ],
  [
    'https://www.facebook.com/photo.php?fbid=10160000000000000&set=a.1',
    { platform: 'facebook', kind: 'post', postId: '10160000000000000' },
  ],
  [
    'https://www.facebook.com/photo/?fbid=10160000000000001',
    { platform: 'facebook', kind: 'post', postId: '10160000000000001' },
  ],
  [
    'https://www.facebook.com/groups/1234567890/posts/9876543210/',
    { platform: 'facebook', kind: 'post', community: '1234567890', postId: '9876543210' },
  ],
  [
    'https://web.facebook.com/groups/kulaiparents',
    { platform: 'facebook', kind: 'group', community: 'kulaiparents' },
  ],
  ['https://www.facebook.com/share/p/1AbCdEfGh/', { platform: 'facebook', kind: 'share' }],
  ['https://fb.watch/abcDEF123/', { platform: 'facebook', kind: 'video' }],
  ['https://fb.com/zul.kifli.77', { platform: 'facebook', kind: 'profile', handle: 'zul.kifli.77' }],
  [
    'https://www.facebook.com/watch/?v=1234567890',
    { platform: 'facebook', kind: 'video', postId: '1234567890' },
  ],
  // Instagram
  [
    'https://www.instagram.com/fake.account_01/?igsh=MXh2dGZz',
    {
      platform: 'instagram',
      kind: 'profile',
      handle: 'fake.account_01',
      normalizedUrl: 'https://www.instagram.com/fake.account_01',
    },
  ],
  [
    'https://www.instagram.com/p/C5xYz12AbCd/?img_index=2',
    { platform: 'instagram', kind: 'post', postId: 'C5xYz12AbCd' },
  ],
  [
    'https://www.instagram.com/reel/C6AbCdEfGhI/',
    { platform: 'instagram', kind: 'video', postId: 'C6AbCdEfGhI' },
  ],
  [
    'https://www.instagram.com/reels/C6AbCdEfGhJ/',
    { platform: 'instagram', kind: 'video', postId: 'C6AbCdEfGhJ' },
  ],
  [
    'https://www.instagram.com/stories/fake.account_01/3345678901234567890/',
    { platform: 'instagram', kind: 'story', handle: 'fake.account_01', postId: '3345678901234567890' },
  ],
  [
    'https://www.instagram.com/fake.account_01/p/C5xYz12AbCd/',
    { platform: 'instagram', kind: 'post', handle: 'fake.account_01', postId: 'C5xYz12AbCd' },
  ],
  // TikTok
  ['https://www.tiktok.com/@user.name_1', { platform: 'tiktok', kind: 'profile', handle: 'user.name_1' }],
  [
    'https://www.tiktok.com/@user.name_1/video/7350000000000000000?is_from_webapp=1&sender_device=pc&lang=ms',
    {
      platform: 'tiktok',
      kind: 'video',
      handle: 'user.name_1',
      postId: '7350000000000000000',
      normalizedUrl: 'https://www.tiktok.com/@user.name_1/video/7350000000000000000?lang=ms',
    },
  ],
  ['https://vm.tiktok.com/ZSabc123/', { platform: 'tiktok', kind: 'share' }],
  ['https://vt.tiktok.com/ZSdef456/', { platform: 'tiktok', kind: 'share' }],
  // Telegram
  ['t.me/durov', { platform: 'telegram', kind: 'profile', handle: 'durov' }],
  [
    'https://t.me/kulai_leaks/123',
    { platform: 'telegram', kind: 'post', handle: 'kulai_leaks', community: 'kulai_leaks', postId: '123' },
  ],
  [
    'https://t.me/c/1234567890/456',
    { platform: 'telegram', kind: 'post', community: '1234567890', postId: '456' },
  ],
  ['https://t.me/+AbCdEf123456', { platform: 'telegram', kind: 'invite' }],
  ['https://t.me/joinchat/AbCdEf123456', { platform: 'telegram', kind: 'invite' }],
  ['https://telegram.me/some_channel', { platform: 'telegram', kind: 'profile', handle: 'some_channel' }],
  // WhatsApp
  [
    'https://wa.me/60123456789',
    { platform: 'whatsapp', kind: 'profile', userId: '60123456789', profileUrl: 'https://wa.me/60123456789' },
  ],
  [
    'https://api.whatsapp.com/send?phone=60123456789&text=hi',
    { platform: 'whatsapp', kind: 'profile', userId: '60123456789' },
  ],
  ['https://chat.whatsapp.com/AbCdEfGhIjK123', { platform: 'whatsapp', kind: 'invite' }],
  // YouTube
  [
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=abc&t=42',
    {
      platform: 'youtube',
      kind: 'video',
      postId: 'dQw4w9WgXcQ',
      normalizedUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42',
    },
  ],
  [
    'https://youtu.be/dQw4w9WgXcQ?si=xyz',
    {
      platform: 'youtube',
      kind: 'video',
      postId: 'dQw4w9WgXcQ',
      normalizedUrl: 'https://youtu.be/dQw4w9WgXcQ',
    },
  ],
  [
    'https://www.youtube.com/shorts/AbCdEfGhIjK',
    { platform: 'youtube', kind: 'video', postId: 'AbCdEfGhIjK' },
  ],
  ['https://www.youtube.com/@SomeChannel', { platform: 'youtube', kind: 'profile', handle: 'SomeChannel' }],
  [
    'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv',
    { platform: 'youtube', kind: 'profile', userId: 'UCabcdefghijklmnopqrstuv' },
  ],
  ['https://www.youtube.com/c/SomeName', { platform: 'youtube', kind: 'profile', handle: 'SomeName' }],
  ['https://www.youtube.com/user/oldname', { platform: 'youtube', kind: 'profile', handle: 'oldname' }],
  ['https://www.youtube.com/live/AbCdEfGhIjK', { platform: 'youtube', kind: 'video', postId: 'AbCdEfGhIjK' }],
  // Reddit
  [
    'https://www.reddit.com/r/malaysia/comments/1abcde2/some_title_here/',
    { platform: 'reddit', kind: 'post', community: 'malaysia', postId: '1abcde2' },
  ],
  [
    'https://old.reddit.com/user/throwaway123',
    { platform: 'reddit', kind: 'profile', handle: 'throwaway123' },
  ],
  ['https://new.reddit.com/u/throwaway123/', { platform: 'reddit', kind: 'profile', handle: 'throwaway123' }],
  ['https://redd.it/1abcde2', { platform: 'reddit', kind: 'post', postId: '1abcde2' }],
  [
    'https://www.reddit.com/r/malaysia/s/AbCdEf',
    { platform: 'reddit', kind: 'share', community: 'malaysia' },
  ],
  // Threads
  ['https://www.threads.net/@someone', { platform: 'threads', kind: 'profile', handle: 'someone' }],
  [
    'https://www.threads.com/@someone/post/C7AbCdEfGh',
    { platform: 'threads', kind: 'post', handle: 'someone', postId: 'C7AbCdEfGh' },
  ],
  // Snapchat
  ['https://www.snapchat.com/add/snap.user', { platform: 'snapchat', kind: 'profile', handle: 'snap.user' }],
  ['https://snapchat.com/t/AbCdEf12', { platform: 'snapchat', kind: 'share' }],
  ['https://story.snapchat.com/s/snap.user', { platform: 'snapchat', kind: 'story', handle: 'snap.user' }],
  // Discord
  [
    'https://discord.com/channels/111111111111111111/222222222222222222/333333333333333333',
    { platform: 'discord', kind: 'message', community: '111111111111111111', postId: '333333333333333333' },
  ],
  ['https://discord.gg/AbCdEf', { platform: 'discord', kind: 'invite' }],
  [
    'https://discord.com/users/444444444444444444',
    { platform: 'discord', kind: 'profile', userId: '444444444444444444' },
  ],
  // LinkedIn
  [
    'https://www.linkedin.com/in/some-person-123/',
    { platform: 'linkedin', kind: 'profile', handle: 'some-person-123' },
  ],
  [
    'https://www.linkedin.com/posts/some-person-123_topic-activity-7190000000000000000-AbCd?utm_source=share&utm_medium=member_android',
    {
      platform: 'linkedin',
      kind: 'post',
      handle: 'some-person-123',
      postId: '7190000000000000000',
      normalizedUrl: 'https://www.linkedin.com/posts/some-person-123_topic-activity-7190000000000000000-AbCd',
    },
  ],
  [
    'https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000001/',
    { platform: 'linkedin', kind: 'post', postId: '7190000000000000001' },
  ],
  [
    'https://www.linkedin.com/company/some-company/',
    { platform: 'linkedin', kind: 'profile', handle: 'some-company' },
  ],
  // Anything else
  [
    'https://example.my/forum/thread?id=5&utm_source=x&fbclid=abc#reply-9',
    {
      platform: 'other',
      kind: 'page',
      host: 'example.my',
      normalizedUrl: 'https://example.my/forum/thread?id=5#reply-9',
    },
  ],
  [
    'http://www.Some-Blog.com.my/post/',
    { platform: 'other', host: 'some-blog.com.my', normalizedUrl: 'http://www.some-blog.com.my/post/' },
  ],
];
