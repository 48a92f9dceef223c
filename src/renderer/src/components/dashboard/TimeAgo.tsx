import { relativeTime } from '../../time';

/** "3 min ago", with the exact local time on hover. */
export function TimeAgo({ iso, now }: { iso: string; now: number }): React.JSX.Element {
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {relativeTime(iso, now)}
    </time>
  );
}
