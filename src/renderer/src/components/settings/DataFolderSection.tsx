import type { AppInfo } from '../../../../shared/model';
import { CopyButton } from '../deployments/CopyButton';
import { SettingsSection } from './SettingsSection';

export function DataFolderSection({ info }: { info: AppInfo | undefined }): React.JSX.Element {
  return (
    <SettingsSection
      id="data"
      title="Data folder"
      description="Your workspace (config.json), the last known status of your resources and the diagnostics log. GitHub tokens are kept apart, encrypted by the OS where it can."
    >
      {info ? (
        <div className="settings-path">
          <code>{info.dataDir}</code>
          <CopyButton value={info.dataDir} label="Copy path" />
        </div>
      ) : (
        <p className="muted">Loading…</p>
      )}
      <p className="muted small settings-note">To use another folder, start Starboard with STARBOARD_HOME set to it.</p>
    </SettingsSection>
  );
}
