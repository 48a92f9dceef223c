import type { Settings, SettingsPatch } from '../../../../shared/model';
import { RadioChoices } from './RadioChoices';
import { SettingsSection } from './SettingsSection';

const themes: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'Match the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearanceSection({
  settings,
  change,
}: {
  settings: Settings;
  change: (patch: SettingsPatch) => void;
}): React.JSX.Element {
  return (
    <SettingsSection id="appearance" title="Appearance">
      <RadioChoices
        legend="Theme"
        name="theme"
        choices={themes}
        selected={settings.theme}
        onSelect={(theme) => change({ theme })}
      />
    </SettingsSection>
  );
}
