import type { MadeThumbnail, ThumbnailMaker } from '../../core/thumbnails/thumbnails';
import { browserImagePreparer } from './report-assets';

/**
 * Thumbnails drawn in the vault worker the way report images are (createImageBitmap with EXIF
 * orientation applied, OffscreenCanvas, JPEG): null for a picture this browser cannot decode.
 */
export const browserThumbnailMaker: ThumbnailMaker = {
  async make(original, maxEdge): Promise<MadeThumbnail | null> {
    const data = new Uint8Array(await original.arrayBuffer());
    const prepared = await browserImagePreparer.prepare(data, original.type, { maxEdge, blur: false });
    if (!prepared) return null;
    return { type: 'image/jpeg', width: prepared.width, height: prepared.height, bytes: prepared.jpeg };
  },
};
