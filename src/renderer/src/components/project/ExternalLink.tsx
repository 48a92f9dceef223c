import { Icon } from '../dashboard/Icon';

/**
 * A link to the AWS console (or GitHub). It opens outside Starboard: a new
 * tab in browser mode; in the desktop app the shell hands it to the system
 * browser through its allow-list.
 */
export function ExternalLink({
  href,
  children,
  className,
  label,
}: {
  href: string;
  children: React.ReactNode;
  className?: string;
  label?: string;
}): React.JSX.Element {
  return (
    <a href={href} target="_blank" rel="noreferrer" className={className} aria-label={label}>
      {children}
      <Icon name="external" className="external-mark" />
    </a>
  );
}
