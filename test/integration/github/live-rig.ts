// A live workspace over both simulators, as the GitHub integration tests use
// it: the demo's AWS account and GitHub host, the mobile backend's repository
// added to its project, virtual scheduler time and real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsAccounts } from '../../../src/main/hub/aws-accounts';
import { LiveWorkspace } from '../../../src/main/hub/live/live-workspace';
import { silentLogger } from '../../../src/main/hub/log';
import { VirtualClock } from '../../../src/main/hub/scheduler';
import type { EventName, EventPayload, HubEvent } from '../../../src/shared/contract';
import type { Workspace } from '../../../src/shared/model';
import { emptyProjectEdits } from '../../../src/shared/projects';
import { demoAws } from '../../../src/sim/aws';
import { FakeAwsBackend } from '../../support/fake-aws-backend';
import { startHarness as startAws, type Harness as AwsHarness } from '../../sim/aws/harness';
import { demoToken, startHarness as startGitHub, type Harness as GitHubHarness } from '../../sim/github/harness';

export interface LiveRig {
  aws: AwsHarness;
  github: GitHubHarness;
  live: LiveWorkspace;
  events: HubEvent[];
  /** Accounts the live workspace marked as needing a new token. */
  needsToken: string[];
  /** The token the GitHub account hands out; undefined once it is gone. */
  setToken(token: string | undefined): void;
  /** Runs the scheduler for `ms` of virtual time, waiting in real time for the calls in flight. */
  run(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startLiveRig(): Promise<LiveRig> {
  const aws = await startAws('demo');
  const github = await startGitHub('demo');
  const dir = mkdtempSync(join(tmpdir(), 'starboard-live-github-'));
  let token: string | undefined = demoToken;
  const needsToken: string[] = [];
  const events: HubEvent[] = [];
  const workspace: Workspace = {
    awsAccounts: [{ id: 'sim', label: 'Simulated', profile: null, regions: ['us-east-1'], endpointUrl: aws.endpoint }],
    githubAccounts: [{ id: 'gh', label: 'Simulated GitHub', host: github.url }],
    projects: {
      ...emptyProjectEdits,
      added: [{ project: demoAws.mobileBackend.project, resource: demoAws.mobileBackend.githubRepository }],
    },
  };
  const backend = new FakeAwsBackend();
  backend.endpointUrl = aws.endpoint;
  backend.identities.set('(default)', { accountId: demoAws.account, arn: `arn:aws:iam::${demoAws.account}:user/dev` });
  const clock = new VirtualClock(Date.parse('2026-11-27T09:00:00Z'));
  const holder: { live?: LiveWorkspace } = {};
  const accounts = new AwsAccounts(
    backend,
    () => workspace,
    () => holder.live?.sync(),
    () => undefined,
  );
  const live = new LiveWorkspace({
    dir,
    workspace: () => workspace,
    saveProjects: () => undefined,
    accounts,
    target: (account, region) => backend.target(account, region),
    github: {
      apiBaseUrl: () => github.url,
      token: async () => token,
      markNeedsToken: (id) => needsToken.push(id),
      list: () => [{ accountKey: 'gh', state: needsToken.length > 0 ? 'needs-token' : 'ok' }],
      check: () => undefined,
    },
    emit: <N extends EventName>(name: N, payload: EventPayload<N>) => events.push({ name, payload } as HubEvent),
    log: silentLogger,
    clock,
    random: () => 0.5,
    notifyDelayMs: 0,
  });
  holder.live = live;
  live.sync();
  const settled = async () => {
    for (let i = 0; i < 2000 && (live.scheduler.stats().running > 0 || i < 3); i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  return {
    aws,
    github,
    live,
    events,
    needsToken,
    setToken: (next) => (token = next),
    run: async (ms) => {
      await settled();
      for (let t = 0; t < ms; t += 500) {
        await clock.advance(500);
        await settled();
      }
    },
    close: async () => {
      await live.close();
      await Promise.all([aws.close(), github.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
