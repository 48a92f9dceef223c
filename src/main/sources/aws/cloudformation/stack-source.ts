// CloudFormation stacks that pipeline deploy actions target, read with the
// fewest calls that still see every change. DescribeStacks tells whether a
// stack moved (its status and LastUpdatedTime); DescribeStackEvents is read
// only for stacks that did, and only back to the start of their last
// operation, to keep that operation's failing events.
//
// Few stacks are read one DescribeStacks each (exact, and a missing stack is
// that stack's problem alone). Past `unfilteredAbove` names, one unfiltered
// DescribeStacks walk is cheaper: it returns every stack of the region a page
// at a time, so its cost follows the region's stack count, not ours.
import {
  type CloudFormationClient,
  DescribeStacksCommand,
  paginateDescribeStackEvents,
  paginateDescribeStacks,
  type Stack as SdkStack,
} from '@aws-sdk/client-cloudformation';
import type { CloudFormationRead, CloudFormationStack, StackEvent } from '../../../../shared/deployments';
import type { AwsLocation, SourceProblem } from '../../../../shared/sources';
import { collectPages, mapLimit } from '../batching';
import { attempt, problemOf } from '../calls';
import { lastOperationFailures, stackVersion, toStack } from './stack-mapping';

export interface StackSourceOptions {
  now?: () => Date;
  /** Calls in flight at once. */
  concurrency?: number;
  /** With more names than this, one unfiltered DescribeStacks walk replaces the per-stack calls. */
  unfilteredAbove?: number;
  /** DescribeStackEvents pages read at most per stack when its last operation started long ago. */
  maxEventPages?: number;
}

const describeStacks = 'cloudformation:DescribeStacks';
const describeEvents = 'cloudformation:DescribeStackEvents';

interface Known {
  /** stackVersion() of the copy whose events were read; undefined when they still need reading. */
  version?: string;
  stack: CloudFormationStack;
}

export class StackSource {
  readonly #known = new Map<string, Known>();
  #read: CloudFormationRead;
  readonly #now: () => Date;
  readonly #concurrency: number;
  readonly #unfilteredAbove: number;
  readonly #maxEventPages: number;

  constructor(
    private readonly client: CloudFormationClient,
    readonly location: AwsLocation,
    options: StackSourceOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#concurrency = options.concurrency ?? 2;
    this.#unfilteredAbove = options.unfilteredAbove ?? 5;
    this.#maxEventPages = options.maxEventPages ?? 3;
    this.#read = { location, fetchedAt: '', stacks: [], problems: [] };
  }

  /** The stacks read so far, without calling AWS. `fetchedAt` is '' until the first successful read. */
  get stacks(): CloudFormationRead {
    return this.#read;
  }

  /**
   * Every refresh: DescribeStacks (one per name, or one unfiltered walk for
   * many), then DescribeStackEvents for changed stacks only. An unchanged
   * stack costs its share of DescribeStacks and nothing else.
   */
  async refresh(stackNames: readonly string[]): Promise<CloudFormationRead> {
    const names = [...new Set(stackNames)];
    const problems: SourceProblem[] = [];
    let described: Map<string, SdkStack>;
    try {
      described =
        names.length > this.#unfilteredAbove
          ? await this.#describeAll(names, problems)
          : await this.#describeEach(names, problems);
    } catch (error) {
      this.#read = { ...this.#read, problem: problemOf(error, describeStacks, this.#now) };
      return this.#read;
    }
    await mapLimit([...described], this.#concurrency, async ([name, sdk]) => {
      const version = stackVersion(sdk);
      const known = this.#known.get(name);
      if (known?.version === version) {
        this.#known.set(name, { version, stack: toStack(sdk, known.stack.failures) });
        return;
      }
      try {
        this.#known.set(name, { version, stack: toStack(sdk, await this.#failures(name, sdk)) });
      } catch (error) {
        // The stack itself is fresh; its failures are the last ones read, and are read again next time.
        this.#known.set(name, { stack: toStack(sdk, known?.stack.failures ?? []) });
        problems.push({ ...problemOf(error, describeEvents, this.#now), resource: sdk.StackId ?? name });
      }
    });
    const stacks = names.flatMap((name) => this.#known.get(name)?.stack ?? []);
    const everyCallFailed = names.length > 0 && described.size === 0 && problems.length > 0;
    this.#read =
      everyCallFailed && problems.every((p) => p.code !== 'not-found')
        ? { ...this.#read, stacks, problems, problem: problems[0] }
        : { location: this.location, fetchedAt: this.#now().toISOString(), stacks, problems };
    return this.#read;
  }

  /** One DescribeStacks per name; a failed call is that stack's problem (it keeps its last good copy). */
  async #describeEach(names: readonly string[], problems: SourceProblem[]): Promise<Map<string, SdkStack>> {
    const found = new Map<string, SdkStack>();
    await mapLimit(names, this.#concurrency, async (name) => {
      try {
        const out = await attempt(describeStacks, name, () =>
          this.client.send(new DescribeStacksCommand({ StackName: name })),
        );
        const stack = out.Stacks?.find((s) => s.StackName === name);
        if (stack) found.set(name, stack);
        else problems.push(this.#gone(name));
      } catch (error) {
        problems.push(isMissingStack(error) ? this.#gone(name) : problemOf(error, describeStacks, this.#now));
      }
    });
    return found;
  }

  /** One unfiltered DescribeStacks walk, stopped once every name was seen; a name not listed is gone. */
  async #describeAll(names: readonly string[], problems: SourceProblem[]): Promise<Map<string, SdkStack>> {
    const wanted = new Set(names);
    const found = new Map<string, SdkStack>();
    await attempt(describeStacks, undefined, () =>
      collectPages((startingToken) => paginateDescribeStacks({ client: this.client, startingToken }, {}), {
        enough: (pages) => {
          for (const s of pages.at(-1)?.Stacks ?? [])
            if (s.StackName !== undefined && wanted.has(s.StackName)) found.set(s.StackName, s);
          return found.size === wanted.size;
        },
      }),
    );
    for (const name of names) if (!found.has(name)) problems.push(this.#gone(name));
    return found;
  }

  /** DescribeStackEvents, newest first, back to the start of the stack's last operation (bounded). */
  async #failures(name: string, stack: SdkStack): Promise<StackEvent[]> {
    const pages = await attempt(describeEvents, stack.StackId ?? name, () =>
      collectPages(
        (startingToken) =>
          paginateDescribeStackEvents({ client: this.client, startingToken }, { StackName: stack.StackId ?? name }),
        {
          enough: (read) =>
            read.length >= this.#maxEventPages ||
            lastOperationFailures(
              read.flatMap((p) => p.StackEvents ?? []),
              name,
            ).reachedStart,
        },
      ),
    );
    return lastOperationFailures(
      pages.flatMap((p) => p.StackEvents ?? []),
      name,
    ).failures;
  }

  #gone(name: string): SourceProblem {
    this.#known.delete(name);
    return { code: 'not-found', message: `Stack ${name} does not exist.`, resource: name };
  }
}

/** CloudFormation answers a missing stack with a ValidationError that says so. */
function isMissingStack(error: unknown): boolean {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return cause instanceof Error && cause.name === 'ValidationError' && /does not exist/.test(cause.message);
}
