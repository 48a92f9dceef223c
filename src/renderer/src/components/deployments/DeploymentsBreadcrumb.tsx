import { BackLink } from '../BackLink';

/** The way back from a page under Deployments (a target, a deployment) to the matrix. */
export function DeploymentsBreadcrumb(): React.JSX.Element {
  return <BackLink href="#/deployments" label="Deployments" />;
}
