import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { readQr } from './detector';

/** How often a camera frame is looked at: often enough to feel instant, rare enough for an old phone. */
const SCAN_EVERY_MS = 300;

/**
 * Reads a recipient's QR code, with the camera or from a photo of it, and hands its text to `onText`.
 * The camera stops as soon as a code is read or the panel closes.
 */
export function QrScan({ onText }: { onText: (text: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<MediaStream | null>(null);
  const [notice, setNotice] = useState<'sealUi.scan.noCamera' | 'sealUi.scan.notFound' | null>(null);

  useEffect(() => {
    if (!camera || !video.current) return;
    const element = video.current;
    element.srcObject = camera;
    void element.play().catch(() => undefined);
    let stopped = false;
    const timer = setInterval(async () => {
      const text = await readQr(element);
      if (text && !stopped) {
        stopped = true;
        setCamera(null);
        onText(text);
      }
    }, SCAN_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      for (const track of camera.getTracks()) track.stop();
    };
  }, [camera, onText]);

  const startCamera = async () => {
    setNotice(null);
    try {
      setCamera(await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }));
    } catch {
      setNotice('sealUi.scan.noCamera');
    }
  };

  const fromPhoto = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    const bitmap = await createImageBitmap(file).catch(() => null);
    const text = bitmap ? await readQr(bitmap) : null;
    bitmap?.close();
    if (text) onText(text);
    else setNotice('sealUi.scan.notFound');
  };

  return (
    <div class="qr-scan">
      <div class="sealed-actions">
        {camera ? (
          <button type="button" class="button" onClick={() => setCamera(null)}>
            {t('sealUi.scan.stop')}
          </button>
        ) : (
          <button type="button" class="button" onClick={() => void startCamera()}>
            {t('sealUi.scan.camera')}
          </button>
        )}
        <label class="button">
          {t('sealUi.scan.photo')}
          <input
            type="file"
            accept="image/*"
            class="visually-hidden"
            data-testid="qr-photo"
            onChange={(event) => {
              const input = event.currentTarget;
              void fromPhoto(input.files?.[0]).finally(() => {
                input.value = '';
              });
            }}
          />
        </label>
      </div>
      {camera && <video ref={video} class="qr-video" muted playsInline aria-label={t('sealUi.scan.video')} />}
      {notice && (
        <p class="notice" role="alert">
          {t(notice)}
        </p>
      )}
    </div>
  );
}
