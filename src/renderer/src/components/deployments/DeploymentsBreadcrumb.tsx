import { Icon } from '../dashboard/Icon';

/** The way back from a page under Deployments (a target, a deployment) to the matrix. */
export function DeploymentsBreadcrumb(): React.JSX.Element {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb small">
      <a href="#/deployments">
        <Icon name="back" />
        Deployments
      </a>
    </nav>
  );
}
