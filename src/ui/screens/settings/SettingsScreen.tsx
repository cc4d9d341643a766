import { BackupSection } from '../backup/BackupSection';
import { RestoreSection } from '../backup/RestoreSection';
import { ScreenIntro } from '../ScreenIntro';
import { AutoLockSection } from './AutoLockSection';
import { ChangePassphraseSection } from './ChangePassphraseSection';
import { DiscreetSection } from './DiscreetSection';
import { EraseAfterSection } from './EraseAfterSection';
import { EraseVaultSection } from './EraseVaultSection';
import { KeySection } from './KeySection';
import { QuickExitSection } from './QuickExitSection';
import { StorageSection } from './StorageSection';

/** Settings for the open vault. */
export function SettingsScreen() {
  return (
    <section class="screen" data-screen="settings">
      <ScreenIntro title="screen.settings.title" intro="screen.settings.intro" />
      <AutoLockSection />
      <DiscreetSection />
      <QuickExitSection />
      <StorageSection />
      <KeySection />
      <ChangePassphraseSection />
      <EraseAfterSection />
      <BackupSection />
      <RestoreSection />
      <EraseVaultSection />
    </section>
  );
}
