import type { MadeThumbnail, ThumbnailMaker } from '../../core/thumbnails/thumbnails';
import { drawJpeg } from './report-assets';

/**
 * Thumbnails drawn in the vault worker the way report images are (createImageBitmap with EXIF
 * orientation applied, OffscreenCanvas, JPEG): null for a picture this browser cannot decode. The
 * original Blob is decoded as it is (for a capture, the picked file on disk): reading it into memory
 * first and wrapping the bytes in a new Blob cost a third more per screenshot (measured).
 */
export const browserThumbnailMaker: ThumbnailMaker = {
  async make(original, maxEdge): Promise<MadeThumbnail | null> {
    const prepared = await drawJpeg(original, { maxEdge, blur: false });
    if (!prepared) return null;
    return { type: 'image/jpeg', width: prepared.width, height: prepared.height, bytes: prepared.jpeg };
  },
};
