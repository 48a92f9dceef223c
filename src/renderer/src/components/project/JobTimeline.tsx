// A run's jobs as a small Gantt chart: each job on the run's time span, and
// inside each job its steps on the job's own span, so the slow step shows at
// a glance. Failed jobs open by default, their failed steps marked.
import { useState } from 'react';
import type { GitHubJob, GitHubStep } from '../../../../shared/github';
import { githubRunLabel, githubRunStatus } from '../../../../shared/github-health';
import { jobLogHref, type GitHubRepositoryTarget } from '../../routes';
import { durationText, elapsed } from '../../time';
import { RunStatusBadge } from '../dashboard/RunStatus';
import './run-detail.css';

/** A bar's place on a span, in percent; undefined without a start. Never thinner than a sliver. */
export function barGeometry(
  item: { startedAt?: string; completedAt?: string },
  span: { from: number; to: number },
  now: number,
): { left: number; width: number } | undefined {
  if (item.startedAt === undefined) return undefined;
  const start = Date.parse(item.startedAt);
  const end = item.completedAt === undefined ? now : Date.parse(item.completedAt);
  const length = span.to - span.from;
  if (!Number.isFinite(start) || !Number.isFinite(end) || length <= 0) return undefined;
  const left = Math.min(100, Math.max(0, ((start - span.from) / length) * 100));
  const width = Math.min(100 - left, Math.max(0.5, ((Math.max(end, start) - start) / length) * 100));
  return { left, width };
}

/** From the earliest start to the latest end (or now, while something runs). */
function spanOf(items: { startedAt?: string; completedAt?: string }[], now: number): { from: number; to: number } {
  const starts = items.flatMap((i) => (i.startedAt === undefined ? [] : [Date.parse(i.startedAt)]));
  const ends = items.flatMap((i) =>
    i.startedAt === undefined ? [] : [i.completedAt === undefined ? now : Date.parse(i.completedAt)],
  );
  const valid = (values: number[]) => values.filter(Number.isFinite);
  return { from: Math.min(...valid(starts)), to: Math.max(...valid(ends)) };
}

const failed = (item: Pick<GitHubJob, 'status' | 'conclusion'>) => githubRunStatus(item) === 'failed';

function took(item: { startedAt?: string; completedAt?: string; durationMs?: number }, now: number): string {
  const ms = item.durationMs ?? elapsed(item.startedAt, item.completedAt, now);
  if (ms === undefined) return '';
  return ms < 1000 ? '< 1 s' : durationText(ms);
}

export function JobTimeline({
  jobs,
  target,
  now,
}: {
  jobs: GitHubJob[];
  target: GitHubRepositoryTarget & { runId: number };
  now: number;
}): React.JSX.Element {
  const [toggled, setToggled] = useState<ReadonlyMap<number, boolean>>(new Map());
  if (jobs.length === 0) return <p className="muted">This run has no jobs yet.</p>;
  const span = spanOf(jobs, now);
  return (
    <ol className="job-timeline" aria-label="Jobs">
      {jobs.map((job) => {
        const open = toggled.get(job.id) ?? failed(job);
        return (
          <JobRow
            key={job.id}
            job={job}
            open={open}
            onToggle={() => setToggled((map) => new Map(map).set(job.id, !open))}
            runSpan={span}
            logHref={jobLogHref({ ...target, jobId: job.id })}
            now={now}
          />
        );
      })}
    </ol>
  );
}

function JobRow({
  job,
  open,
  onToggle,
  runSpan,
  logHref,
  now,
}: {
  job: GitHubJob;
  open: boolean;
  onToggle: () => void;
  runSpan: { from: number; to: number };
  logHref: string;
  now: number;
}): React.JSX.Element {
  const status = githubRunStatus(job);
  const bar = barGeometry(job, runSpan, now);
  const jobSpan = spanOf([job], now);
  const stepsId = `job-steps-${job.id}`;
  return (
    <li className={`job run-${status}${failed(job) ? ' job-failed' : ''}`} data-testid={`job-${job.id}`}>
      <div className="job-head">
        <button
          type="button"
          className="job-toggle"
          aria-expanded={open}
          aria-controls={stepsId}
          onClick={onToggle}
          aria-label={`${open ? 'Hide' : 'Show'} the steps of ${job.name}`}
        >
          <span className={`caret${open ? ' caret-open' : ''}`} aria-hidden="true" />
        </button>
        <RunStatusBadge status={status} label={githubRunLabel(job)} compact />
        <span className="job-name">{job.name}</span>
        <span className="job-meta small muted">
          {job.runnerName && <span title="Runner">{job.runnerName}</span>}
          <span className="job-duration">{took(job, now)}</span>
        </span>
        <span className="gantt-track job-track" aria-hidden="true">
          {bar && <span className="gantt-bar" style={{ left: `${bar.left}%`, width: `${bar.width}%` }} />}
        </span>
        <a className="button button-small job-log-link" href={logHref} aria-label={`View the log of ${job.name}`}>
          View log
        </a>
      </div>
      {open && (
        <ol id={stepsId} className="job-steps" aria-label={`Steps of ${job.name}`}>
          {job.steps.length === 0 && <li className="muted small">No steps reported.</li>}
          {job.steps.map((step) => (
            <StepRow key={step.number} step={step} span={jobSpan} now={now} />
          ))}
        </ol>
      )}
    </li>
  );
}

function StepRow({
  step,
  span,
  now,
}: {
  step: GitHubStep;
  span: { from: number; to: number };
  now: number;
}): React.JSX.Element {
  const status = githubRunStatus(step);
  const bar = barGeometry(step, span, now);
  return (
    <li className={`step run-${status}${status === 'failed' ? ' step-failed' : ''}`}>
      <RunStatusBadge status={status} label={githubRunLabel(step)} compact />
      <span className="step-number muted">{step.number}</span>
      <span className="step-name">{step.name}</span>
      <span className="gantt-track" aria-hidden="true">
        {bar && <span className="gantt-bar" style={{ left: `${bar.left}%`, width: `${bar.width}%` }} />}
      </span>
      <span className="step-duration small muted">{took(step, now)}</span>
    </li>
  );
}
