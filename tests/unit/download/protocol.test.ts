import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOWNLOAD_OFFER,
  DOWNLOAD_PATH,
  downloadHeaders,
  downloadId,
  isDownloadOffer,
} from '../../../src/core/download/protocol';

const id = '3f2b8c1e-0a4d-4c7e-9b1a-2d3e4f5a6b7c';
const offer = (fileName: string, contentType = 'application/zip') => ({
  type: DOWNLOAD_OFFER,
  id,
  fileName,
  contentType,
});

describe('streamed download offers (page → service worker)', () => {
  it('accepts the bundle and discreet names and builds an attachment header from them', () => {
    for (const name of ['bukti-20250407-0905-3f2b8c1e.zip', 'document-20250407-3f2b8c1e.zip']) {
      const candidate = offer(name);
      expect(isDownloadOffer(candidate)).toBe(true);
      if (!isDownloadOffer(candidate)) continue;
      expect(downloadHeaders(candidate)).toEqual({
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    }
  });

  it('refuses names that could split or escape a header, leave the folder, or hide the file', () => {
    for (const name of [
      'a"b.zip',
      'a\r\nSet-Cookie: x.zip',
      '../x.zip',
      'x/y.zip',
      '.hidden.zip',
      '',
      'a..zip',
      'é.zip',
    ])
      expect(isDownloadOffer(offer(name)), name).toBe(false);
    expect(isDownloadOffer(offer('x.zip', 'text/html'))).toBe(false);
    expect(isDownloadOffer({ ...offer('x.zip'), id: 'not-a-uuid' })).toBe(false);
    expect(isDownloadOffer(null)).toBe(false);
  });

  it('never lets an accepted name put a quote, a line break or a non-ASCII character into the header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const candidate = offer(name);
        if (!isDownloadOffer(candidate)) return;
        const header = downloadHeaders(candidate)['Content-Disposition'] ?? '';
        expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
      }),
    );
  });

  it('reads the id only from /download/<uuid>', () => {
    expect(downloadId(`${DOWNLOAD_PATH}${id}`)).toBe(id);
    expect(downloadId(`${DOWNLOAD_PATH}${id}/x`)).toBeNull();
    expect(downloadId(`/other/${id}`)).toBeNull();
    expect(downloadId(DOWNLOAD_PATH)).toBeNull();
  });
});
