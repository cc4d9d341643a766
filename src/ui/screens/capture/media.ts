/** Duration in seconds of a video or audio file as the browser reads it; undefined if it cannot tell. */
export function mediaDuration(file: Blob, type: string, timeoutMs = 5000): Promise<number | undefined> {
  if (!/^(video|audio)\//.test(type)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const element = document.createElement(type.startsWith('video/') ? 'video' : 'audio');
    const url = URL.createObjectURL(file);
    const done = (value: number | undefined) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      element.removeAttribute('src');
      resolve(value);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    element.preload = 'metadata';
    element.onloadedmetadata = () => done(Number.isFinite(element.duration) ? element.duration : undefined);
    element.onerror = () => done(undefined);
    element.src = url;
  });
}

/**
 * One frame of a screen, window or tab the person picks, as a PNG, taken at the moment of capture.
 * Null if they cancel; throws `NotSupportedError` where the browser cannot capture the screen.
 */
export async function captureScreenFrame(): Promise<File | null> {
  if (!navigator.mediaDevices?.getDisplayMedia)
    throw new DOMException('no getDisplayMedia', 'NotSupportedError');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  } catch {
    return null;
  }
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return null;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return new File([blob], `screen-capture-${stamp}.png`, { type: 'image/png', lastModified: Date.now() });
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}
