import { ScreenIntro } from '../ScreenIntro';

/** The help screen. */
export function HelpScreen() {
  return (
    <section class="screen" data-screen="help">
      <ScreenIntro title="screen.help.title" intro="screen.help.intro" />
    </section>
  );
}
