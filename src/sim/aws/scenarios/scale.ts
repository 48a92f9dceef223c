// Hundreds of pipelines with proportional projects, repositories,
// deployment groups and environments; about a tenth are running at any time.
// Two (PARALLEL and QUEUED mode) only run when someone starts them.
import type { World } from '../world';
import { days, hours, minutes } from '../world/context';
import type { ExecutionMode, StageDef } from '../world/pipeline-model';
import {
  approvalStage,
  beanstalkStage,
  buildStage,
  codeCommitSource,
  codeDeployStage,
  connectionSource,
} from './stages';

const historyBuilds = 20;
/** Two services release by hand through an approval, one per V2 execution mode besides SUPERSEDED. */
const handReleased = new Map<number, ExecutionMode>([
  [3, 'PARALLEL'],
  [5, 'QUEUED'],
]);

export function buildScale(world: World, now: number, scale: number): void {
  const random = world.ctx.random.fork('scale');
  world.approver = (_pipeline, execution) =>
    execution.startTime < now - 2 * hours
      ? { status: 'Approved', summary: 'ok', by: world.policy.userArn, afterMs: random.int(5, 60) * minutes }
      : undefined;
  const width = String(scale).length;
  for (let i = 0; i < scale; i += 1) {
    const name = `svc-${String(i + 1).padStart(Math.max(3, width), '0')}`;
    const tags = { 'starboard:project': name };
    const project = world.codebuild.addProject(`${name}-build`, {
      tags,
      failureRate: 0.12,
      // Every fifth service packages only: its buildspec publishes no test report.
      ...(i % 5 === 4 ? { reportGroup: false as const } : {}),
      tests: {
        passed: random.int(20, 400),
        failing: { file: 'test/api.test.ts', name: 'api > responds', error: 'AssertionError: expected 500 to be 200' },
      },
    });
    const stages: StageDef[] = [];
    if (i % 2 === 0) {
      const repo = world.codecommit.addRepository(name, `Service ${name}`, tags);
      world.codecommit.commit(repo, 'main', 'Initial commit', { name: 'Scale Bot', email: 'bot@example.com' });
      world.codecommit.commit(
        repo,
        'develop',
        'Start develop',
        { name: 'Scale Bot', email: 'bot@example.com' },
        'main',
      );
      stages.push(codeCommitSource(name));
    } else {
      stages.push(
        connectionSource(
          `arn:aws:codeconnections:${world.region}:${world.account}:connection/scale`,
          `acme-scale/${name}`,
        ),
      );
    }
    stages.push(buildStage(project.name));
    const mode = handReleased.get(i);
    if (i % 10 === 3 || mode) stages.push(approvalStage('Approval', 'Approve', `Release ${name}`));
    if (i % 3 === 0) {
      world.codedeploy.addApplication(name, tags);
      world.codedeploy.addGroup(name, `${name}-prod`, 2);
      stages.push(codeDeployStage(name, `${name}-prod`));
    } else if (i % 3 === 1) {
      world.beanstalk.addEnvironment(name, `${name}-prod`, tags);
      stages.push(beanstalkStage(name, `${name}-prod`));
    }
    const pipeline = world.pipelines.add(`${name}-pipeline`, stages, tags, mode);
    const start = (): void =>
      void world.pipelines.start(pipeline, {
        triggerType: 'StartPipelineExecution',
        triggerDetail: world.policy.userArn,
      });
    for (let b = 0; b < historyBuilds; b += 1) {
      world.at(now - 14 * days + (b * (14 * days)) / historyBuilds + random.int(0, 6 * hours), start);
    }
    if (mode) continue;
    // From an hour ago on, each pipeline runs every 30-90 minutes: with builds of a few minutes about a tenth run at once.
    const recur = (at: number): void =>
      world.at(at, () => {
        start();
        recur(at + random.int(30, 90) * minutes);
      });
    recur(now - random.int(0, 60) * minutes);
  }
}
