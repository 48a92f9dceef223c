// How each kind of event looks in the activity feed: a shape, a short word
// for it, and the tone that colours it (never the only cue).
import type { EventKind, ProjectEvent } from '../../../../shared/events';
import type { RunStatus } from '../../../../shared/project-health';
import type { IconName } from './Icon';

export interface EventLook {
  icon: IconName;
  label: string;
  tone: RunStatus | 'waiting' | 'info';
}

const looks: Record<EventKind, EventLook> = {
  'pipeline.execution.started': { icon: 'play', label: 'Pipeline started', tone: 'running' },
  'pipeline.execution.succeeded': { icon: 'check', label: 'Pipeline succeeded', tone: 'succeeded' },
  'pipeline.execution.failed': { icon: 'x', label: 'Pipeline failed', tone: 'failed' },
  'pipeline.execution.stopped': { icon: 'stop', label: 'Pipeline stopped', tone: 'stopped' },
  'pipeline.stage.failed': { icon: 'x', label: 'Stage failed', tone: 'failed' },
  'approval.requested': { icon: 'pause', label: 'Approval requested', tone: 'waiting' },
  'approval.decided': { icon: 'check', label: 'Approval decided', tone: 'succeeded' },
  'approval.expired': { icon: 'clock', label: 'Approval expired', tone: 'stopped' },
  'approval.withdrawn': { icon: 'undo', label: 'Approval withdrawn', tone: 'stopped' },
  'build.failed': { icon: 'x', label: 'Build failed', tone: 'failed' },
  'build.succeeded': { icon: 'check', label: 'Build succeeded', tone: 'succeeded' },
  'build.fixed': { icon: 'check', label: 'Build fixed', tone: 'succeeded' },
  'pullRequest.opened': { icon: 'pull-request', label: 'Pull request opened', tone: 'info' },
  'pullRequest.approved': { icon: 'check', label: 'Pull request approved', tone: 'succeeded' },
  'pullRequest.merged': { icon: 'merge', label: 'Pull request merged', tone: 'info' },
  'workflow.run.failed': { icon: 'x', label: 'Workflow failed', tone: 'failed' },
  'workflow.run.succeeded': { icon: 'check', label: 'Workflow succeeded', tone: 'succeeded' },
  'workflow.run.fixed': { icon: 'check', label: 'Workflow fixed', tone: 'succeeded' },
  'workflow.run.waiting': { icon: 'pause', label: 'Waiting for review', tone: 'waiting' },
  'deployment.succeeded': { icon: 'check', label: 'Deployed', tone: 'succeeded' },
  'deployment.failed': { icon: 'x', label: 'Deployment failed', tone: 'failed' },
  'codedeploy.deployment.succeeded': { icon: 'check', label: 'Deployed', tone: 'succeeded' },
  'codedeploy.deployment.failed': { icon: 'x', label: 'Deployment failed', tone: 'failed' },
  'environment.health.degraded': { icon: 'x', label: 'Health degraded', tone: 'failed' },
  'environment.health.recovered': { icon: 'check', label: 'Health recovered', tone: 'succeeded' },
  'stack.failed': { icon: 'x', label: 'Stack failed', tone: 'failed' },
  'service.rollout.failed': { icon: 'x', label: 'Rollout failed', tone: 'failed' },
};

export function eventLook(event: ProjectEvent): EventLook {
  if (event.kind === 'approval.decided' && event.data.outcome === 'rejected')
    return { icon: 'x', label: 'Approval rejected', tone: 'failed' };
  if (event.kind === 'approval.decided') return { ...looks[event.kind], label: 'Approval approved' };
  return looks[event.kind];
}
