import type { RefreshCadence, Settings, SettingsPatch } from '../../../../shared/model';
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
      <fieldset className="settings-choices">
        <legend>Cadence</legend>
        {cadences.map((option) => (
          <label key={option.value} className="radio settings-radio-detail">
            <input
              type="radio"
              name="refresh-cadence"
              value={option.value}
              checked={settings.refreshCadence === option.value}
              onChange={() => change({ refreshCadence: option.value })}
              aria-describedby={`cadence-${option.value}`}
            />
            <span>
              {option.label}
              <span id={`cadence-${option.value}`} className="muted small settings-option-detail">
                {option.detail}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </SettingsSection>
  );
}
