// A pipeline stopped at a manual approval reads "Waiting for approval", not "Running".
import { describe, expect, it } from 'vitest';
import {
  pipelineHealth,
  projectHealth,
  projectWaitsForApproval,
  waitsForApproval,
} from '../../src/shared/project-health';
import { action, build, pipeline, stage, waiting } from '../support/snapshot-builders';

const atApproval = (name = 'api') =>
  pipeline({
    name,
    stages: [stage('Source', 'e1', 'Succeeded'), stage('Approval', 'e1', 'InProgress', [action('Ship', 'InProgress')])],
    waitingApprovals: [waiting('Approval', 'Ship', 'e1')],
  });

describe('waiting for approval', () => {
  it('is a running pipeline whose only running stage waits at a manual approval', () => {
    const health = pipelineHealth(atApproval());
    expect(health.status).toBe('running');
    expect(waitsForApproval(health)).toBe(true);
  });

  it('is not a pipeline that runs a stage without an approval, nor one that finished', () => {
    const building = pipelineHealth(
      pipeline({ stages: [stage('Source', 'e1', 'Succeeded'), stage('Build', 'e1', 'InProgress')] }),
    );
    expect(waitsForApproval(building)).toBe(false);
    const done = pipelineHealth(pipeline({ stages: [stage('Source', 'e1', 'Succeeded')] }));
    expect(waitsForApproval(done)).toBe(false);
  });

  it('sums a project up as waiting only when nothing else is running', () => {
    const waitingOnly = projectHealth({
      pipelines: [atApproval(), pipeline({ name: 'web', stages: [stage('Source', 'e1', 'Succeeded')] })],
      builds: [build('web', 1, 'SUCCEEDED')],
      repositories: [],
      githubRepositories: [],
    });
    expect(waitingOnly.overall).toBe('running');
    expect(projectWaitsForApproval(waitingOnly)).toBe(true);

    const alsoBuilding = projectHealth({
      pipelines: [atApproval()],
      builds: [build('web', 2, 'IN_PROGRESS')],
      repositories: [],
      githubRepositories: [],
    });
    expect(projectWaitsForApproval(alsoBuilding)).toBe(false);

    const failed = projectHealth({
      pipelines: [atApproval()],
      builds: [build('web', 3, 'FAILED')],
      repositories: [],
      githubRepositories: [],
    });
    expect(projectWaitsForApproval(failed)).toBe(false);
  });
});
