// CodePipeline for one account and region. Reads are split by cost so the
// hub's scheduler can put them on different timers: `state` (one
// GetPipelineState per pipeline) on the fast one, `refreshDefinitions`
// (ListPipelines, GetPipeline only for changed versions) on the slow one.
import type { CodeCommitClient } from '@aws-sdk/client-codecommit';
import {
  type CodePipelineClient,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  paginateListActionExecutions,
  paginateListPipelineExecutions,
  paginateListPipelines,
} from '@aws-sdk/client-codepipeline';
import {
  type ActionExecutionDetail,
  type ApprovalDecision,
  type ApprovalOutcome,
  type ApprovalRef,
  approvalKey,
  type PipelineDefinition,
  type PipelineDetail,
  type PipelineExecution,
  type PipelineSummary,
  type SourceRevision,
} from '../../../../shared/pipelines';
import type { AwsLocation, SourceProblem } from '../../../../shared/sources';
import { decideApproval } from './approval-decision';
import { collectPages, mapLimit } from '../batching';
import { mapPages, type SourceResult, tryCall } from './calls';
import { mapDefinition, mapSummary } from './map-definition';
import { mapActionExecution, mapExecution, revisionsOfExecution } from './map-executions';
import { mapState } from './map-state';
import type { MappingContext } from './mapping-context';
import * as commands from './pipeline-commands';
import { RevisionAuthors } from './revision-authors';

export interface PipelineSourceOptions {
  /** Page size for ListPipelines (AWS allows 1-1000). */
  listPageSize?: number;
  /** GetPipelineState calls in flight at once during `states`. */
  concurrency?: number;
  /** Told once per (field, value) about enum values this build does not know (RELIABILITY A14). */
  onUnknownValue?: (field: string, value: string) => void;
  now?: () => Date;
  /** Reads the authors of CodeCommit source revisions; without it revisions have no author. */
  codecommit?: CodeCommitClient;
}

export interface DefinitionsRefresh {
  pipelines: PipelineSummary[];
  /** Definitions of every listed pipeline that could be read (cached or fresh). */
  definitions: PipelineDefinition[];
  /** Pipelines whose definition could not be read, each with its problem. */
  problems: SourceProblem[];
}

const revisionCacheSize = 500;

export class PipelineSource {
  readonly #ctx: MappingContext;
  readonly #options: PipelineSourceOptions;
  readonly #now: () => Date;
  readonly #definitions = new Map<string, PipelineDefinition>();
  readonly #summaries = new Map<string, PipelineSummary>();
  /** pipeline → approvalKey → token, from the latest state read. Tokens never leave this class. */
  readonly #tokens = new Map<string, Map<string, string>>();
  /** Source revisions by execution id; they never change once an execution started. */
  readonly #revisions = new Map<string, SourceRevision[]>();
  readonly #authors: RevisionAuthors;
  readonly #decisions = new Map<string, Promise<ApprovalOutcome>>();
  readonly #unknownSeen = new Set<string>();

  constructor(
    private readonly read: CodePipelineClient,
    private readonly write: CodePipelineClient,
    readonly location: AwsLocation,
    options: PipelineSourceOptions = {},
  ) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#authors = new RevisionAuthors(options.codecommit);
    this.#ctx = {
      location,
      onUnknown: (field, value) => {
        const key = `${field}=${value}`;
        if (this.#unknownSeen.has(key)) return;
        this.#unknownSeen.add(key);
        options.onUnknownValue?.(field, value);
      },
    };
  }

  /** Every pipeline of the region (all pages of ListPipelines). */
  async listPipelines(): Promise<SourceResult<PipelineSummary[]>> {
    const pageSize = this.#options.listPageSize;
    const listed = await tryCall('codepipeline:ListPipelines', this.location.region, () =>
      collectPages((startingToken) =>
        paginateListPipelines({ client: this.read, startingToken, ...(pageSize ? { pageSize } : {}) }, {}),
      ),
    ).then((r) => mapPages(r, (page) => (page.pipelines ?? []).flatMap((p) => mapSummary(this.#ctx, p) ?? [])));
    if (listed.ok) {
      this.#summaries.clear();
      for (const p of listed.value) this.#summaries.set(p.name, p);
    }
    return listed;
  }

  /** The definition at `version`: from the cache when it holds that version, else one GetPipeline. */
  async definition(name: string, version: number): Promise<SourceResult<PipelineDefinition>> {
    const cached = this.#definitions.get(name);
    if (cached?.version === version) return { ok: true, value: cached };
    const got = await tryCall('codepipeline:GetPipeline', name, () => this.read.send(new GetPipelineCommand({ name })));
    if (!got.ok) return got;
    const definition = mapDefinition(this.#ctx, got.value);
    if (!definition)
      return { ok: false, error: { code: 'internal', message: 'GetPipeline returned no pipeline.', resource: name } };
    this.#definitions.set(name, definition);
    return { ok: true, value: definition };
  }

  /** The slow timer's pass: ListPipelines, then GetPipeline only where the version changed. */
  async refreshDefinitions(): Promise<SourceResult<DefinitionsRefresh>> {
    const listed = await this.listPipelines();
    if (!listed.ok) return listed;
    const names = new Set(listed.value.map((p) => p.name));
    for (const name of this.#definitions.keys()) if (!names.has(name)) this.#definitions.delete(name);
    const read = await mapLimit(listed.value, this.#concurrency, (p) => this.definition(p.name, p.version));
    const definitions: PipelineDefinition[] = [];
    const problems: SourceProblem[] = [];
    for (const r of read) {
      if (r.ok) definitions.push(r.value);
      else problems.push(r.error);
    }
    return { ok: true, value: { pipelines: listed.value, definitions, problems } };
  }

  cachedDefinition(name: string): PipelineDefinition | undefined {
    return this.#definitions.get(name);
  }

  /** The fast timer's read: exactly one GetPipelineState, merged with the cached definition. */
  async state(name: string): Promise<SourceResult<PipelineDetail>> {
    const got = await tryCall('codepipeline:GetPipelineState', name, () =>
      this.read.send(new GetPipelineStateCommand({ name })),
    );
    if (!got.ok) return got;
    const { detail, tokens } = mapState(this.#ctx, {
      name,
      state: got.value,
      definition: this.#definitions.get(name),
      revisions: (id) => this.#revisions.get(id),
      fetchedAt: this.#now(),
    });
    this.#tokens.set(name, tokens);
    return { ok: true, value: detail };
  }

  /** `state` for many pipelines, a bounded number at a time; one pipeline's problem leaves the others intact. */
  async states(names: readonly string[]): Promise<Map<string, SourceResult<PipelineDetail>>> {
    const results = await mapLimit(names, this.#concurrency, (name) => this.state(name));
    return new Map(names.map((name, i) => [name, results[i] as SourceResult<PipelineDetail>]));
  }

  /**
   * The newest `limit` executions: one ListPipelineExecutions page unless
   * limit exceeds 100, plus one BatchGetCommits per CodeCommit repository for
   * commits whose author is not known yet (needs the cached definition).
   */
  async executions(name: string, limit = 25): Promise<SourceResult<PipelineExecution[]>> {
    const pageSize = Math.max(1, Math.min(100, limit));
    const listed = await tryCall('codepipeline:ListPipelineExecutions', name, () =>
      collectPages(
        (startingToken) =>
          paginateListPipelineExecutions({ client: this.read, pageSize, startingToken }, { pipelineName: name }),
        { enough: (pages) => pages.length * pageSize >= limit },
      ),
    ).then((r) =>
      mapPages(r, (page) =>
        (page.pipelineExecutionSummaries ?? []).flatMap((e) => mapExecution(this.#ctx, name, e) ?? []),
      ),
    );
    if (!listed.ok) return listed;
    const shown = listed.value.slice(0, limit);
    const revisions = await this.#authors.addTo(
      shown.map((e) => e.sourceRevisions),
      this.#definitions.get(name),
    );
    const executions = shown.map((e, i) => ({ ...e, sourceRevisions: revisions[i] ?? e.sourceRevisions }));
    for (const e of executions) this.#remember(e.pipelineExecutionId, e.sourceRevisions);
    return { ok: true, value: executions };
  }

  /** Every action run of one execution (ListActionExecutions filtered by execution). */
  async actionExecutions(name: string, pipelineExecutionId: string): Promise<SourceResult<ActionExecutionDetail[]>> {
    return tryCall('codepipeline:ListActionExecutions', name, () =>
      collectPages((startingToken) =>
        paginateListActionExecutions(
          { client: this.read, startingToken },
          { pipelineName: name, filter: { pipelineExecutionId } },
        ),
      ),
    ).then((r) =>
      mapPages(r, (page) => (page.actionExecutionDetails ?? []).flatMap((d) => mapActionExecution(this.#ctx, d) ?? [])),
    );
  }

  /**
   * What an approval would ship: cached from `executions`, else one
   * GetPipelineExecution (and a BatchGetCommits for a CodeCommit author not known yet).
   */
  async approvalRevisions(name: string, pipelineExecutionId: string): Promise<SourceResult<SourceRevision[]>> {
    const cached = this.#revisions.get(pipelineExecutionId);
    if (cached) return { ok: true, value: cached };
    const got = await tryCall('codepipeline:GetPipelineExecution', name, () =>
      this.read.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId })),
    );
    if (!got.ok) return got;
    const definition = this.#definitions.get(name);
    const [revisions = []] = await this.#authors.addTo([revisionsOfExecution(got.value, definition)], definition);
    this.#remember(pipelineExecutionId, revisions);
    return { ok: true, value: revisions };
  }

  startExecution(name: string): Promise<SourceResult<string>> {
    return commands.startExecution(this.write, name);
  }

  stopExecution(
    name: string,
    pipelineExecutionId: string,
    options: commands.StopOptions,
  ): Promise<SourceResult<string>> {
    return commands.stopExecution(this.write, name, pipelineExecutionId, options);
  }

  retryStage(
    name: string,
    stageName: string,
    pipelineExecutionId: string,
    mode: commands.RetryMode,
  ): Promise<SourceResult<string>> {
    return commands.retryStage(this.write, name, stageName, pipelineExecutionId, mode);
  }

  /**
   * Approves or rejects the approval the user reviewed. One request per ref
   * at a time: a second call while the first runs gets the same outcome and
   * sends nothing (RELIABILITY P01). `callerArn` is who we are, to recognise
   * our own decision after an ambiguous failure (P04).
   */
  decideApproval(
    ref: ApprovalRef,
    decision: ApprovalDecision,
    summary: string,
    callerArn: string,
  ): Promise<ApprovalOutcome> {
    const key = approvalKey(ref);
    const running = this.#decisions.get(key);
    if (running) return running;
    const seenToken = this.#tokens.get(ref.pipeline)?.get(key);
    const mode = (this.#definitions.get(ref.pipeline) ?? this.#summaries.get(ref.pipeline))?.executionMode;
    const outcome = decideApproval(
      { read: this.read, write: this.write },
      { ref, decision, summary, callerArn, parallel: mode === 'PARALLEL', ...(seenToken ? { seenToken } : {}) },
    ).finally(() => this.#decisions.delete(key));
    this.#decisions.set(key, outcome);
    return outcome;
  }

  get #concurrency(): number {
    return this.#options.concurrency ?? 8;
  }

  #remember(pipelineExecutionId: string, revisions: SourceRevision[]): void {
    this.#revisions.delete(pipelineExecutionId);
    this.#revisions.set(pipelineExecutionId, revisions);
    // A Map iterates in insertion order: the first key is the least recently stored.
    if (this.#revisions.size > revisionCacheSize) {
      const oldest = this.#revisions.keys().next().value;
      if (oldest !== undefined) this.#revisions.delete(oldest);
    }
  }
}
