import { ScreenIntro } from '../ScreenIntro';

/** The cases screen. */
export function CasesScreen() {
  return (
    <section class="screen" data-screen="cases">
      <ScreenIntro title="screen.cases.title" intro="screen.cases.intro" />
    </section>
  );
}
