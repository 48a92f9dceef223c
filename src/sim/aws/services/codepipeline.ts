// CodePipeline over AWS JSON 1.1 (CodePipeline_20150709).
import { AwsError, checkLength, optionalString } from '../errors';
import { paginate } from '../pagination';
import type { Input, JsonService } from '../service';
import type { World } from '../world';
import { declarationOf, parseDeclaration } from '../world/pipeline-declaration';
import { actionKey, type ActionExecution, type Execution, type Pipeline } from '../world/pipeline-model';
import { date, pageRequest, required } from './wire';

const invalidToken = (): AwsError =>
  new AwsError('InvalidNextTokenException', 'The next token was specified in an invalid format.');
const tokenPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function codePipelineService(world: World): JsonService {
  const pipelines = world.pipelines;
  const find = (name: string): Pipeline => {
    const pipeline = pipelines.pipelines.get(name);
    if (!pipeline)
      throw new AwsError(
        'PipelineNotFoundException',
        `Account '${world.account}' does not have a pipeline with name '${name}'`,
      );
    return pipeline;
  };
  const findExecution = (pipeline: Pipeline, id: string): Execution => {
    const execution = pipeline.executions.find((e) => e.id === id);
    if (!execution)
      throw new AwsError(
        'PipelineExecutionNotFoundException',
        `Pipeline execution ID ${id} does not exist in pipeline ${pipeline.name}.`,
      );
    return execution;
  };
  const pipelineFor = (input: Input, member: string, context: { authorize: (arn: string) => void }): Pipeline => {
    const pipeline = find(required(input, member));
    context.authorize(pipeline.arn);
    return pipeline;
  };

  return {
    name: 'codepipeline',
    protocol: 'json',
    targetPrefix: 'CodePipeline_20150709',
    invalidTokenCode: 'InvalidNextTokenException',
    operations: {
      ListPipelines: (input) => {
        const all = [...pipelines.pipelines.values()].sort((a, b) => a.name.localeCompare(b.name));
        const page = paginate(all, pageRequest(input), {
          scope: 'ListPipelines',
          key: (p) => p.name,
          defaultSize: 100,
          maxSize: 1000,
          invalidToken,
        });
        return {
          pipelines: page.items.map((p) => ({
            name: p.name,
            version: p.version,
            pipelineType: 'V2',
            executionMode: p.executionMode,
            created: date(p.created),
            updated: date(p.updated),
          })),
          nextToken: page.nextToken,
        };
      },
      GetPipeline: (input, context) => {
        const p = pipelineFor(input, 'name', context);
        return {
          pipeline: declarationOf(p),
          metadata: { pipelineArn: p.arn, created: date(p.created), updated: date(p.updated) },
        };
      },
      GetPipelineState: (input, context) => state(pipelineFor(input, 'name', context)),
      ListPipelineExecutions: (input, context) => {
        const p = pipelineFor(input, 'pipelineName', context);
        const page = paginate(p.executions, pageRequest(input), {
          scope: `ListPipelineExecutions/${p.name}`,
          key: (e) => e.id,
          defaultSize: 100,
          maxSize: 100,
          invalidToken,
        });
        return { pipelineExecutionSummaries: page.items.map(summary), nextToken: page.nextToken };
      },
      GetPipelineExecution: (input, context) => {
        const p = pipelineFor(input, 'pipelineName', context);
        const e = findExecution(p, required(input, 'pipelineExecutionId'));
        return {
          pipelineExecution: {
            pipelineName: p.name,
            pipelineVersion: e.pipelineVersion,
            pipelineExecutionId: e.id,
            status: e.status,
            statusSummary: e.statusSummary,
            artifactRevisions: e.revisions.map((r) => ({
              name: r.artifactName,
              revisionId: r.revisionId,
              revisionSummary: r.summary,
              created: date(r.created),
              revisionUrl: r.url,
            })),
            trigger: e.trigger,
            executionMode: e.executionMode,
            executionType: 'STANDARD',
          },
        };
      },
      ListActionExecutions: (input, context) => {
        const p = pipelineFor(input, 'pipelineName', context);
        const filter = (input.filter ?? {}) as { pipelineExecutionId?: unknown };
        const executionId = optionalString(filter.pipelineExecutionId);
        if (executionId !== undefined) findExecution(p, executionId);
        const all = p.executions
          .filter((e) => executionId === undefined || e.id === executionId)
          .flatMap((e) => [...e.actionExecutions].reverse());
        const page = paginate(all, pageRequest(input), {
          scope: `ListActionExecutions/${p.name}/${executionId ?? ''}`,
          key: (a) => a.id,
          defaultSize: 100,
          maxSize: 100,
          invalidToken,
        });
        return { actionExecutionDetails: page.items.map((ae) => actionDetail(p, ae)), nextToken: page.nextToken };
      },
      UpdatePipeline: (input, context) => {
        const declared = parseDeclaration(input.pipeline);
        const p = find(declared.name);
        context.authorize(p.arn);
        pipelines.update(p, declared.stages, declared.executionMode);
        return { pipeline: declarationOf(p) };
      },
      StartPipelineExecution: (input, context) => {
        const p = pipelineFor(input, 'name', context);
        return { pipelineExecutionId: pipelines.start(p).id };
      },
      StopPipelineExecution: (input, context) => {
        const p = pipelineFor(input, 'pipelineName', context);
        const e = findExecution(p, required(input, 'pipelineExecutionId'));
        const reason = checkLength('reason', input.reason, 0, 200, false);
        pipelines.stop(p, e, input.abandon === true, reason);
        return { pipelineExecutionId: e.id };
      },
      RetryStageExecution: (input, context) => {
        const p = pipelineFor(input, 'pipelineName', context);
        const e = findExecution(p, required(input, 'pipelineExecutionId'));
        const mode = required(input, 'retryMode');
        if (mode !== 'FAILED_ACTIONS' && mode !== 'ALL_ACTIONS')
          throw new AwsError('ValidationException', `Invalid retryMode ${mode}`);
        pipelines.retryStage(p, e, required(input, 'stageName'), mode);
        return { pipelineExecutionId: e.id };
      },
      PutApprovalResult: (input, context) => {
        const p = pipelineFor(input, 'pipelineName', context);
        const result = (input.result ?? {}) as { summary?: unknown; status?: unknown };
        const summary = checkLength('result.summary', result.summary, 0, 512);
        if (result.status !== 'Approved' && result.status !== 'Rejected') {
          throw new AwsError(
            'ValidationException',
            "1 validation error detected: Value at 'result.status' failed to satisfy constraint: Member must satisfy enum value set: [Approved, Rejected]",
          );
        }
        const token = required(input, 'token');
        if (!tokenPattern.test(token))
          throw new AwsError(
            'ValidationException',
            "1 validation error detected: Value at 'token' failed to satisfy constraint: Member must satisfy regular expression pattern",
          );
        const at = pipelines.decide(
          p,
          required(input, 'stageName'),
          required(input, 'actionName'),
          token,
          result.status === 'Approved',
          summary,
          world.policy.userArn,
        );
        return { approvedAt: date(at) };
      },
    },
  };
}

/**
 * GetPipelineState. QUEUED lists every execution waiting at a stage. In
 * PARALLEL mode each stage shows only the newest execution that reached it,
 * and no approval token: PutApprovalResult's token then comes from
 * ListActionExecutions (PutApprovalResultInput.token in the model).
 */
function state(p: Pipeline): unknown {
  const latest = p.executions[0];
  const parallel = p.executionMode === 'PARALLEL';
  return {
    pipelineName: p.name,
    pipelineVersion: p.version,
    stageStates: p.stages.map((s) => {
      const stage = p.latestStage.get(s.name);
      const waiting = (p.waiting.get(s.name) ?? []).map((id) => ({ pipelineExecutionId: id, status: 'InProgress' }));
      return {
        stageName: s.name,
        ...(waiting.length === 0
          ? {}
          : p.executionMode === 'QUEUED'
            ? { inboundExecutions: waiting }
            : { inboundExecution: waiting[0] }),
        inboundTransitionState: { enabled: true },
        actionStates: s.actions.map((a) => {
          const ae = p.latestAction.get(actionKey(s.name, a.name));
          const revision = a.category === 'Source' ? latest?.revisions.find((r) => r.actionName === a.name) : undefined;
          return {
            actionName: a.name,
            ...(revision
              ? {
                  currentRevision: {
                    revisionId: revision.revisionId,
                    revisionChangeId: revision.revisionId,
                    created: date(revision.created),
                  },
                }
              : {}),
            ...(ae ? { latestExecution: actionState(ae, !parallel) } : {}),
            ...(revision?.url !== undefined ? { revisionUrl: revision.url } : {}),
          };
        }),
        ...(stage ? { latestExecution: { pipelineExecutionId: stage.executionId, status: stage.status } } : {}),
      };
    }),
    created: date(p.created),
    updated: date(p.updated),
  };
}

function actionState(ae: ActionExecution, withToken: boolean): unknown {
  return {
    actionExecutionId: ae.id,
    status: ae.status,
    summary: ae.summary,
    lastStatusChange: date(ae.lastUpdateTime),
    // The token is only offered while the approval can still be answered.
    token: withToken && ae.status === 'InProgress' ? ae.token : undefined,
    lastUpdatedBy: ae.updatedBy,
    externalExecutionId: ae.externalExecutionId,
    externalExecutionUrl: ae.externalExecutionUrl,
    errorDetails: ae.errorDetails,
  };
}

function summary(e: Execution): unknown {
  return {
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    startTime: date(e.startTime),
    lastUpdateTime: date(e.lastUpdateTime),
    sourceRevisions: e.revisions.map((r) => ({
      actionName: r.actionName,
      revisionId: r.revisionId,
      revisionSummary: r.summary,
      revisionUrl: r.url,
    })),
    trigger: e.trigger,
    ...(e.stopTrigger ? { stopTrigger: e.stopTrigger } : {}),
    executionMode: e.executionMode,
    executionType: 'STANDARD',
  };
}

function actionDetail(p: Pipeline, ae: ActionExecution): unknown {
  const { action } = ae;
  return {
    pipelineExecutionId: ae.executionId,
    actionExecutionId: ae.id,
    pipelineVersion: p.version,
    stageName: ae.stageName,
    actionName: action.name,
    startTime: date(ae.startTime),
    lastUpdateTime: date(ae.lastUpdateTime),
    updatedBy: ae.updatedBy,
    status: ae.status,
    input: {
      actionTypeId: { category: action.category, owner: 'AWS', provider: action.provider, version: '1' },
      configuration: action.configuration,
      resolvedConfiguration: action.configuration,
      roleArn: p.roleArn,
      region: p.arn.split(':')[3],
      inputArtifacts: action.inputArtifacts.map((name) => ({
        name,
        s3location: { bucket: p.artifactBucket, key: `${p.name}/${name}/${ae.executionId.slice(0, 7)}` },
      })),
    },
    output: {
      outputArtifacts: action.outputArtifacts.map((name) => ({
        name,
        s3location: { bucket: p.artifactBucket, key: `${p.name}/${name}/${ae.id.slice(0, 7)}` },
      })),
      executionResult: {
        // An approval's token; in PARALLEL mode the only place it can be read (reliability case P05).
        externalExecutionId: ae.token ?? ae.externalExecutionId,
        externalExecutionSummary: ae.summary ?? ae.errorDetails?.message,
        externalExecutionUrl: ae.externalExecutionUrl,
        ...(ae.errorDetails ? { errorDetails: ae.errorDetails } : {}),
      },
      outputVariables: {},
    },
  };
}
