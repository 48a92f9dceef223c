import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/client';
import { TimeAgo } from '../dashboard/TimeAgo';
import { useNow } from '../dashboard/use-now';
import { QueryError } from '../QueryError';
import { diagnosticsOptions } from './use-settings';
import { SettingsSection } from './SettingsSection';

const shownEntries = 20;

export function DiagnosticsSection(): React.JSX.Element {
  const client = useClient();
  const diagnostics = useQuery(diagnosticsOptions(client));
  const now = useNow();
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>(undefined);
  const data = diagnostics.data;

  const copy = (): void => {
    // The newest report: entries may have arrived since the section opened.
    void diagnostics.refetch().then((result) => {
      const report = result.data?.report ?? data?.report ?? '';
      navigator.clipboard.writeText(report).then(
        () => setCopied('yes'),
        () => setCopied('no'),
      );
    });
  };

  return (
    <SettingsSection
      id="diagnostics"
      title="Diagnostics"
      description="What to include when you report a problem. The report lists versions, account names, regions and states, and recent warnings; keys and tokens are removed before anything is kept."
    >
      {diagnostics.error && <QueryError error={diagnostics.error} what="diagnostics" />}
      {diagnostics.isPending && <p className="muted">Loading…</p>}
      {data && (
        <>
          <dl className="about">
            <dt>Version</dt>
            <dd>{data.version}</dd>
            <dt>Platform</dt>
            <dd>{data.platform}</dd>
            <dt>Running as</dt>
            <dd>{data.mode === 'browser' ? 'Browser mode (npm run web)' : 'Desktop app'}</dd>
          </dl>
          <div className="settings-buttons">
            <button type="button" className="button" onClick={copy}>
              {copied === 'yes' ? 'Copied' : 'Copy diagnostic report'}
            </button>
            <button type="button" className="button button-small" onClick={() => void diagnostics.refetch()}>
              Reload
            </button>
            <span role="status" className="muted small">
              {copied === 'yes'
                ? 'The report is on the clipboard, ready to paste into an issue.'
                : copied === 'no'
                  ? 'Copying was refused here.'
                  : ''}
            </span>
          </div>
          <h3 className="settings-subtitle">Recent warnings and errors</h3>
          {data.entries.length === 0 ? (
            <p className="muted small" data-testid="diagnostics-empty">
              None recorded.
            </p>
          ) : (
            <ul className="diagnostic-entries" aria-label="Recent warnings and errors">
              {data.entries.slice(0, shownEntries).map((entry, index) => (
                <li key={`${entry.at}-${index}`} className={`diagnostic-entry diagnostic-${entry.level}`}>
                  <span className="diagnostic-level">
                    <span aria-hidden="true">{entry.level === 'error' ? '✖' : '⚠'}</span>{' '}
                    {entry.level === 'error' ? 'Error' : 'Warning'}
                  </span>
                  <TimeAgo iso={entry.at} now={now} />
                  <span className="diagnostic-message">{entry.message}</span>
                  {entry.context && <code className="diagnostic-context">{entry.context}</code>}
                </li>
              ))}
            </ul>
          )}
          {data.entries.length > shownEntries && (
            <p className="muted small">{data.entries.length - shownEntries} older entries are in the report.</p>
          )}
        </>
      )}
    </SettingsSection>
  );
}
