import { ScreenIntro } from '../ScreenIntro';

/** The capture screen. */
export function CaptureScreen() {
  return (
    <section class="screen" data-screen="capture">
      <ScreenIntro title="screen.capture.title" intro="screen.capture.intro" />
    </section>
  );
}
