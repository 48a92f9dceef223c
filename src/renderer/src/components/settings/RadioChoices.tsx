// One choice among a few, as Settings asks it: a fieldset of radio buttons,
// each optionally with a line saying what it means.
export interface RadioChoice<T extends string> {
  value: T;
  label: string;
  /** What choosing it means, read out with it. */
  detail?: string;
}

export function RadioChoices<T extends string>(props: {
  legend: string;
  name: string;
  choices: readonly RadioChoice<T>[];
  selected: T;
  onSelect: (value: T) => void;
}): React.JSX.Element {
  const { legend, name, choices, selected, onSelect } = props;
  return (
    <fieldset className="settings-choices">
      <legend>{legend}</legend>
      {choices.map((choice) => {
        const detailId = `${name}-${choice.value}`;
        return (
          <label key={choice.value} className={choice.detail ? 'radio settings-radio-detail' : 'radio'}>
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={selected === choice.value}
              onChange={() => onSelect(choice.value)}
              {...(choice.detail ? { 'aria-describedby': detailId } : {})}
            />
            {choice.detail ? (
              <span>
                {choice.label}
                <span id={detailId} className="muted small settings-option-detail">
                  {choice.detail}
                </span>
              </span>
            ) : (
              choice.label
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
