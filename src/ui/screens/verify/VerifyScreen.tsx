import { ScreenIntro } from '../ScreenIntro';

/** The verify screen. */
export function VerifyScreen() {
  return (
    <section class="screen" data-screen="verify">
      <ScreenIntro title="screen.verify.title" intro="screen.verify.intro" />
    </section>
  );
}
