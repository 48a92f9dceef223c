import { Icon } from './dashboard/Icon';

/** The way back from a page to the list it sits under (Home, Deployments): a one-step breadcrumb. */
export function BackLink({ href, label }: { href: string; label: string }): React.JSX.Element {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb small">
      <a href={href}>
        <Icon name="back" />
        {label}
      </a>
    </nav>
  );
}
