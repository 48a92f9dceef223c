import type { RefreshCadence, Settings, SettingsPatch } from '../../../../shared/model';
import { RadioChoices } from './RadioChoices';
import { SettingsSection } from './SettingsSection';

// The scheduler's intervals (main/hub/scheduler/config.ts) times its cadence scale, rounded.
const cadences: { value: RefreshCadence; label: string; detail: string }[] = [
  {
    value: 'relaxed',
    label: 'Relaxed',
    detail: 'Running work every ~15 s, everything else every ~2 min. Half the API calls of Normal.',
  },
  {
    value: 'normal',
    label: 'Normal',
    detail: 'Running work every ~7.5 s, everything else every ~65 s, pipeline definitions every ~15 min.',
  },
  {
    value: 'fast',
    label: 'Fast',
    detail: 'Running work every ~4.5 s, everything else every ~40 s. More API calls: for watching a release.',
  },
];

export function RefreshSection({
  settings,
  change,
}: {
  settings: Settings;
  change: (patch: SettingsPatch) => void;
}): React.JSX.Element {
  return (
    <SettingsSection
      id="refresh"
      title="Refresh"
      description="How often Starboard reads AWS and GitHub. While the window is hidden it reads less often; a failing or throttled read backs off on its own."
    >
      <RadioChoices
        legend="Cadence"
        name="refresh-cadence"
        choices={cadences}
        selected={settings.refreshCadence}
        onSelect={(refreshCadence) => change({ refreshCadence })}
      />
    </SettingsSection>
  );
}
