// A pipeline's declaration both ways: the structure GetPipeline returns, and
// the one UpdatePipeline accepts, checked the way CodePipeline checks it
// (the parts the simulator runs: stages, actions, execution mode).
import { AwsError } from '../errors';
import {
  type ActionCategory,
  type ActionDef,
  type ExecutionMode,
  executionModes,
  type Pipeline,
  type StageDef,
} from './pipeline-model';

const categories: readonly ActionCategory[] = ['Source', 'Build', 'Test', 'Approval', 'Deploy'];

export function declarationOf(p: Pipeline): unknown {
  return {
    name: p.name,
    roleArn: p.roleArn,
    artifactStore: { type: 'S3', location: p.artifactBucket },
    stages: p.stages.map((s) => ({
      name: s.name,
      actions: s.actions.map((a) => ({
        name: a.name,
        actionTypeId: { category: a.category, owner: 'AWS', provider: a.provider, version: '1' },
        runOrder: a.runOrder,
        configuration: a.configuration,
        outputArtifacts: a.outputArtifacts.map((name) => ({ name })),
        inputArtifacts: a.inputArtifacts.map((name) => ({ name })),
        ...(a.timeoutInMinutes !== undefined ? { timeoutInMinutes: a.timeoutInMinutes } : {}),
      })),
    })),
    version: p.version,
    executionMode: p.executionMode,
    pipelineType: 'V2',
  };
}

export interface Declared {
  name: string;
  stages: StageDef[];
  executionMode: ExecutionMode;
}

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null;
const missing = (member: string): AwsError =>
  new AwsError(
    'ValidationException',
    `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  );

/** UpdatePipeline's `pipeline` member; the whole structure replaces the old one. */
export function parseDeclaration(raw: unknown): Declared {
  if (!isObject(raw)) throw missing('pipeline');
  const { name, roleArn, stages, executionMode = 'SUPERSEDED', pipelineType = 'V1' } = raw;
  if (typeof name !== 'string' || name === '') throw missing('pipeline.name');
  if (typeof roleArn !== 'string' || roleArn === '') throw missing('pipeline.roleArn');
  if (!executionModes.includes(executionMode as ExecutionMode)) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value '${String(executionMode)}' at 'pipeline.executionMode' failed to satisfy constraint: Member must satisfy enum value set: [QUEUED, SUPERSEDED, PARALLEL]`,
    );
  }
  if (executionMode !== 'SUPERSEDED' && pipelineType !== 'V2') {
    throw new AwsError('ValidationException', `Execution mode ${String(executionMode)} requires pipeline type V2.`);
  }
  if (!Array.isArray(stages) || stages.length < 2) {
    throw new AwsError('InvalidStructureException', 'A pipeline must contain at least two stages.');
  }
  return { name, stages: stages.map(parseStage), executionMode: executionMode as ExecutionMode };
}

function parseStage(raw: unknown, index: number): StageDef {
  const name = isObject(raw) ? raw.name : undefined;
  const actions = isObject(raw) ? raw.actions : undefined;
  if (typeof name !== 'string' || name === '' || !Array.isArray(actions) || actions.length === 0) {
    throw new AwsError('InvalidStageDeclarationException', `Stage ${index + 1} needs a name and at least one action.`);
  }
  return { name, actions: actions.map((a) => parseAction(a, name)) };
}

function parseAction(raw: unknown, stageName: string): ActionDef {
  const invalid = (why: string): AwsError =>
    new AwsError('InvalidActionDeclarationException', `Action in stage ${stageName}: ${why}`);
  if (!isObject(raw) || typeof raw.name !== 'string' || raw.name === '') throw invalid('the name is missing.');
  const type = isObject(raw.actionTypeId) ? raw.actionTypeId : {};
  const { category, provider } = type;
  if (!categories.includes(category as ActionCategory) || typeof provider !== 'string' || provider === '') {
    throw invalid(`action ${raw.name} has no valid actionTypeId.`);
  }
  const artifacts = (list: unknown): string[] =>
    Array.isArray(list) ? list.flatMap((a) => (isObject(a) && typeof a.name === 'string' ? [a.name] : [])) : [];
  const configuration = isObject(raw.configuration)
    ? Object.fromEntries(
        Object.entries(raw.configuration).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
    : {};
  return {
    name: raw.name,
    category: category as ActionCategory,
    provider,
    configuration,
    runOrder: typeof raw.runOrder === 'number' ? raw.runOrder : 1,
    inputArtifacts: artifacts(raw.inputArtifacts),
    outputArtifacts: artifacts(raw.outputArtifacts),
    ...(typeof raw.timeoutInMinutes === 'number' ? { timeoutInMinutes: raw.timeoutInMinutes } : {}),
  };
}
