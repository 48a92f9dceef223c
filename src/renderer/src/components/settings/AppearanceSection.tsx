import type { Settings, SettingsPatch } from '../../../../shared/model';
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
      <fieldset className="settings-choices">
        <legend>Theme</legend>
        {themes.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="theme"
              value={option.value}
              checked={settings.theme === option.value}
              onChange={() => change({ theme: option.value })}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </SettingsSection>
  );
}
