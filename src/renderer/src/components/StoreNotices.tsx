import type { StoreNotice } from '../../../shared/model';

/** Tells the user a settings file was unusable, and where it was kept. */
export function StoreNotices({ notices }: { notices: StoreNotice[] }): React.JSX.Element | null {
  if (notices.length === 0) return null;
  return (
    <div className="notice notice-warning" role="alert">
      {notices.map((notice) => (
        <p key={notice.keptAs}>
          <strong>Your settings file could not be read</strong>: it {notice.reason}. Starboard started with default
          settings and kept the old file as <code>{notice.keptAs}</code> so you can repair it and copy it back.
        </p>
      ))}
    </div>
  );
}
