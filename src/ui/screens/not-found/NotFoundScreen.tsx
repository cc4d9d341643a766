import { ScreenIntro } from '../ScreenIntro';

/** Shown for an address that is not a screen; the navigation stays available. */
export function NotFoundScreen() {
  return (
    <section class="screen" data-screen="not-found">
      <ScreenIntro title="notFound.title" intro="notFound.body" />
    </section>
  );
}
