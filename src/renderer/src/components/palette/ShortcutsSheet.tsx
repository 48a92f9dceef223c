// The keyboard help sheet: every shortcut, grouped by where it works, with
// this platform's key names. Opened by "?" or from the command palette.
import { useId } from 'react';
import { Overlay } from './Overlay';
import { keyLabel, shortcutGroups, type KeyName } from './shortcuts';

/** A chord as one <kbd> per key, named as this platform names them. */
function Keys({ keys, mac }: { keys: readonly KeyName[]; mac: boolean }): React.JSX.Element {
  return (
    <span className="shortcut-keys">
      {keys.map((key, i) => (
        <kbd key={i}>{keyLabel(key, mac)}</kbd>
      ))}
    </span>
  );
}

export function ShortcutsSheet({ mac, onClose }: { mac: boolean; onClose: () => void }): React.JSX.Element {
  const ids = useId();
  return (
    <Overlay
      name="shortcuts"
      aria-labelledby={`${ids}-title`}
      className="shortcuts-sheet"
      initial="button"
      onClose={onClose}
    >
      <header className="shortcuts-header">
        <h2 id={`${ids}-title`}>Keyboard shortcuts</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="shortcuts-groups">
        {shortcutGroups.map((group, g) => (
          <section key={group.title} aria-labelledby={`${ids}-group-${g}`}>
            <h3 id={`${ids}-group-${g}`}>{group.title}</h3>
            <dl>
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.does} className="shortcut-row">
                  <dt>{shortcut.does}</dt>
                  <dd>
                    <Keys keys={shortcut.keys} mac={mac} />
                    {shortcut.alternative && (
                      <>
                        <span className="muted small"> or </span>
                        <Keys keys={shortcut.alternative} mac={mac} />
                      </>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Overlay>
  );
}
