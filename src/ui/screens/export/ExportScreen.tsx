import { ScreenIntro } from '../ScreenIntro';

/** The export screen. */
export function ExportScreen() {
  return (
    <section class="screen" data-screen="export">
      <ScreenIntro title="screen.export.title" intro="screen.export.intro" />
    </section>
  );
}
