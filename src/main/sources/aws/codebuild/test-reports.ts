// Test report summaries of finished builds. A report is read once, in
// BatchGetReports calls of at most 100 ARNs, on the first refresh after its
// build is seen complete; a running build's reports are still being written.
import { BatchGetReportsCommand, type CodeBuildClient, type Report } from '@aws-sdk/client-codebuild';
import { type ReportStatus, reportStatuses, type TestSummary } from '../../../../shared/builds';
import type { SourceProblem } from '../../../../shared/sources';
import { chunks, mapLimit } from '../batching';
import { attempt, problemOf } from '../calls';
import { enumValue } from './build-mapping';

/** A report still GENERATING after its build ended is asked again, but only this many times in all. */
const maxReadsWhileGenerating = 3;
/** Of several reports, the status shown is the first of these that any of them has. */
const precedence: (ReportStatus | 'unknown')[] = ['FAILED', 'INCOMPLETE', 'GENERATING', 'unknown', 'DELETING'];

type ReportSummary = Omit<TestSummary, 'reports'>;

export class TestReports {
  /** Report ARNs of the complete builds in view, by build id. */
  readonly #ofBuild = new Map<string, readonly string[]>();
  readonly #read = new Map<string, ReportSummary>();
  /** ARNs to read on the next refresh, with how often each has been read already. */
  readonly #due = new Map<string, number>();

  constructor(
    private readonly client: CodeBuildClient,
    private readonly concurrency: number,
    private readonly now: () => Date,
  ) {}

  /** Remembers a build's reports once it is complete; they are read on the next `readDue`. */
  note(buildId: string, complete: boolean, arns: readonly string[] | undefined): void {
    if (!complete || !arns?.length || this.#ofBuild.has(buildId)) return;
    this.#ofBuild.set(buildId, [...arns]);
    for (const arn of arns) if (!this.#read.has(arn)) this.#due.set(arn, 0);
  }

  /** Drops what is kept for a build that left the view. */
  forget(buildId: string): void {
    for (const arn of this.#ofBuild.get(buildId) ?? []) {
      this.#read.delete(arn);
      this.#due.delete(arn);
    }
    this.#ofBuild.delete(buildId);
  }

  /** The build's test reports added up; undefined until one of them has been read. */
  summaryOf(buildId: string): TestSummary | undefined {
    const summaries = (this.#ofBuild.get(buildId) ?? []).flatMap((arn) => this.#read.get(arn) ?? []);
    const [first] = summaries;
    if (!first) return undefined;
    const rank = (s: ReportSummary): number => {
      const at = precedence.indexOf(s.status);
      return at < 0 ? precedence.length : at;
    };
    const shown = summaries.reduce((best, s) => (rank(s) < rank(best) ? s : best), first);
    const sum = (key: 'total' | 'passed' | 'failed' | 'skipped' | 'durationMs'): number =>
      summaries.reduce((total, s) => total + s[key], 0);
    return {
      total: sum('total'),
      passed: sum('passed'),
      failed: sum('failed'),
      skipped: sum('skipped'),
      durationMs: sum('durationMs'),
      status: shown.status,
      ...(shown.rawStatus !== undefined ? { rawStatus: shown.rawStatus } : {}),
      reports: summaries.length,
    };
  }

  /**
   * Reads every due report: ⌈due/100⌉ calls, none when nothing is due. A
   * failed batch becomes a problem and leaves the builds as they are; it is
   * tried again on the next refresh unless access was denied, which asking
   * again every refresh would not change.
   */
  async readDue(): Promise<SourceProblem[]> {
    const problems: SourceProblem[] = [];
    await mapLimit(chunks([...this.#due.keys()]), this.concurrency, async (batch) => {
      try {
        const out = await attempt('codebuild:BatchGetReports', undefined, () =>
          this.client.send(new BatchGetReportsCommand({ reportArns: batch })),
        );
        for (const report of out.reports ?? []) this.#keep(report);
        // Expired or deleted: there is nothing left to show.
        for (const arn of out.reportsNotFound ?? []) this.#due.delete(arn);
      } catch (error) {
        const problem = problemOf(error, 'codebuild:BatchGetReports', this.now);
        problems.push(problem);
        if (problem.code === 'access-denied') for (const arn of batch) this.#due.delete(arn);
      }
    });
    return problems;
  }

  #keep(report: Report): void {
    const arn = report.arn;
    if (!arn || !this.#due.has(arn)) return;
    const reads = (this.#due.get(arn) ?? 0) + 1;
    if (report.status === 'GENERATING' && reads < maxReadsWhileGenerating) this.#due.set(arn, reads);
    else this.#due.delete(arn);
    const summary = report.testSummary;
    // Code coverage reports carry no test counts.
    if (report.type === 'CODE_COVERAGE' || !summary) return;
    const count = (status: string): number => summary.statusCounts?.[status] ?? 0;
    this.#read.set(arn, {
      total: summary.total ?? 0,
      passed: count('SUCCEEDED'),
      failed: count('FAILED') + count('ERROR'),
      skipped: count('SKIPPED'),
      durationMs: Math.round((summary.durationInNanoSeconds ?? 0) / 1e6),
      ...enumValue(report.status, reportStatuses, 'test report status'),
    });
  }
}
