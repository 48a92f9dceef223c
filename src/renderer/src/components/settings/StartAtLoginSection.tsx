import type { AppInfo, Settings, SettingsPatch } from '../../../../shared/model';
import { SettingsSection } from './SettingsSection';

export function StartAtLoginSection({
  settings,
  mode,
  change,
}: {
  settings: Settings;
  mode: AppInfo['mode'] | undefined;
  change: (patch: SettingsPatch) => void;
}): React.JSX.Element {
  return (
    <SettingsSection id="login" title="Start at login">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.startAtLogin}
          onChange={(event) => change({ startAtLogin: event.target.checked })}
        />
        Open Starboard when I log in to this computer
      </label>
      {mode === 'browser' && (
        <p className="muted small settings-note" role="note">
          Browser mode keeps this setting for the desktop app; it takes effect there, not here.
        </p>
      )}
    </SettingsSection>
  );
}
