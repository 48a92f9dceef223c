// The names of every message in the contract, free of dependencies so the
// sandboxed preload can bundle them. contract.ts holds their schemas and
// checks (with `satisfies`) that it covers exactly these names.

export const queryNames = [
  'app.info',
  'settings.get',
  'workspace.get',
  'approvals.list',
  'approvals.audit',
  'demo.status',
  'aws.profiles',
  'aws.accounts',
  'prompts.pending',
  'github.accounts',
  /** Jobs and steps of a run; a job's log; repositories to choose from; the device sign-in in progress. */
  'github.runs.jobs',
  'github.jobs.log',
  'github.repositories.find',
  'github.deviceFlow',
  'projects.list',
  'snapshot.get',
  'activity.recent',
  'refresh.status',
  'codepipeline.actionExecutions',
  'codebuild.builds.log',
  'diagnostics.get',
] as const;
export const commandNames = [
  'settings.update',
  'approvals.decide',
  'demo.open',
  'demo.close',
  'aws.accounts.add',
  'aws.accounts.remove',
  'aws.accounts.check',
  'aws.accounts.signIn',
  'aws.accounts.cancelSignIn',
  'prompts.answer',
  'github.accounts.add',
  'github.accounts.remove',
  'github.accounts.check',
  'github.accounts.replaceToken',
  'github.deviceFlow.start',
  'github.deviceFlow.cancel',
  'github.repositories.watch',
  'github.runs.rerun',
  'github.runs.cancel',
  'codedeploy.deployments.stop',
  'codepipeline.executions.start',
  'codepipeline.executions.stop',
  'codepipeline.stages.retry',
  'codebuild.builds.stop',
  'codebuild.builds.retry',
  'projects.edit',
  'refresh.now',
  'app.signal',
] as const;
export const eventNames = [
  'settings.changed',
  'workspace.changed',
  'approvals.changed',
  'demo.changed',
  'aws.accounts.changed',
  'aws.signIn.changed',
  'prompts.changed',
  'github.accounts.changed',
  'github.deviceFlow.changed',
  'projects.changed',
  'snapshot.changed',
  'activity',
  'refresh.status.changed',
  'codebuild.log.changed',
  /** Desktop only, from the shell: open this route (a tray menu entry, a notification, a starboard:// link). */
  'app.navigate',
] as const;

export type QueryName = (typeof queryNames)[number];
export type CommandName = (typeof commandNames)[number];
export type EventName = (typeof eventNames)[number];
export type MessageKind = 'query' | 'command';

/** The one place an IPC channel string is made. */
export function channelFor(kind: MessageKind, name: string): string {
  return `starboard:${kind}:${name}`;
}

export const eventChannel = 'starboard:event';
