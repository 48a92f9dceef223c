import { useMemo } from 'react';
import type { Build } from '../../../../shared/builds';
import { durationText } from '../../time';
import { buildChartData, chartDays, dayStart, percent, type BuildOutcome, type BuildPoint } from './build-chart';
import './build-chart.css';

const width = 460;
const left = 50;
const right = 8;
const plotWidth = width - left - right;
const rateTop = 20;
const rateHeight = 48;
const durationTop = 108;
const durationHeight = 56;
const height = durationTop + durationHeight + 22;

const outcomeWords: Record<BuildOutcome, string> = { succeeded: 'Succeeded', failed: 'Failed', other: 'Stopped' };

const dayLabel = (t: number): string => new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/**
 * The project's builds over the last 30 days, drawn without a chart library:
 * the success rate of each day as bars, the duration of each build as a
 * marker whose shape says how it ended (a circle passed, a cross failed, a
 * square stopped), so colour is never the only cue. Screen readers get the
 * summary as the image's name and the days in a table.
 */
export function BuildChart({ builds, now }: { builds: readonly Build[]; now: number }): React.JSX.Element {
  const data = useMemo(() => buildChartData(builds, now), [builds, now]);
  const maxDuration = niceCeiling(Math.max(60_000, ...data.points.map((p) => p.durationMs)));
  // The window runs to the end of today, so a build sits over its day's bar.
  const span = Math.max(1, dayStart(data.to, 1) - data.from);
  const dayWidth = plotWidth / chartDays;
  const xOf = (t: number): number => left + ((t - data.from) / span) * plotWidth;
  const yOf = (ms: number): number => durationTop + durationHeight - (ms / maxDuration) * durationHeight;
  const summary = chartSummary(data);
  const busyDays = data.days.filter((d) => d.total > 0);

  return (
    <figure className="build-chart" data-testid="build-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="build-chart-svg"
        role="img"
        aria-label={`Builds of the last ${chartDays} days: ${summary}`}
      >
        <text x={0} y={12} className="build-chart-heading">
          Success rate per day
        </text>
        <AxisLabel y={rateTop + 4} text="100%" />
        <AxisLabel y={rateTop + rateHeight} text="0%" />
        <line
          x1={left}
          x2={width - right}
          y1={rateTop + rateHeight}
          y2={rateTop + rateHeight}
          className="build-chart-axis"
        />
        {data.days.map((day, i) => {
          const x = left + i * dayWidth + 1;
          const w = Math.max(1, dayWidth - 2);
          if (day.total === 0) return null;
          const filled = day.rate === undefined ? 0 : day.rate * rateHeight;
          return (
            <g key={day.start}>
              <rect x={x} y={rateTop} width={w} height={rateHeight} className="build-chart-track" />
              <rect x={x} y={rateTop + rateHeight - filled} width={w} height={filled} className="build-chart-bar" />
              <title>
                {dayLabel(day.start)}: {day.total} {day.total === 1 ? 'build' : 'builds'}
                {day.rate !== undefined ? `, ${percent(day.rate)} succeeded` : ', none finished'}
              </title>
            </g>
          );
        })}

        <text x={0} y={durationTop - 10} className="build-chart-heading">
          Duration per build
        </text>
        <AxisLabel y={durationTop + 4} text={shortDuration(maxDuration)} />
        <AxisLabel y={durationTop + durationHeight} text="0" />
        <line
          x1={left}
          x2={width - right}
          y1={durationTop + durationHeight}
          y2={durationTop + durationHeight}
          className="build-chart-axis"
        />
        {data.points.map((point) => (
          <Marker key={point.id} point={point} x={xOf(point.at)} y={yOf(point.durationMs)} />
        ))}
        <text x={left} y={height - 4} className="build-chart-label">
          {dayLabel(data.from)}
        </text>
        <text x={width - right} y={height - 4} className="build-chart-label" textAnchor="end">
          Today
        </text>
      </svg>
      <figcaption className="build-chart-caption">
        <span className="build-chart-legend" aria-hidden="true">
          <LegendShape outcome="succeeded" /> Succeeded <LegendShape outcome="failed" /> Failed{' '}
          <LegendShape outcome="other" /> Stopped
        </span>
        <span className="muted small" data-testid="build-chart-summary">
          Last {chartDays} days, from the {data.held} {data.held === 1 ? 'build' : 'builds'} Starboard holds for this
          project: {summary}
        </span>
      </figcaption>
      <table className="visually-hidden">
        <caption>Builds per day, last {chartDays} days</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Builds</th>
            <th scope="col">Succeeded</th>
            <th scope="col">Failed</th>
            <th scope="col">Success rate</th>
          </tr>
        </thead>
        <tbody>
          {busyDays.length === 0 && (
            <tr>
              <td colSpan={5}>No builds in these days.</td>
            </tr>
          )}
          {busyDays.map((day) => (
            <tr key={day.start}>
              <th scope="row">{dayLabel(day.start)}</th>
              <td>{day.total}</td>
              <td>{day.succeeded}</td>
              <td>{day.failed}</td>
              <td>{day.rate === undefined ? 'none finished' : percent(day.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** "12 builds, 10 succeeded and 2 failed (83% success); median duration 3 min 10 s". */
function chartSummary(data: ReturnType<typeof buildChartData>): string {
  if (data.inWindow === 0) return 'no builds in these days.';
  const builds = `${data.inWindow} ${data.inWindow === 1 ? 'build' : 'builds'}`;
  const outcome = `${data.succeeded} succeeded and ${data.failed} failed`;
  const rate = data.rate !== undefined ? ` (${percent(data.rate)} success)` : '';
  const median = data.medianDurationMs !== undefined ? `; median duration ${durationText(data.medianDurationMs)}` : '';
  return `${builds}, ${outcome}${rate}${median}.`;
}

function AxisLabel({ y, text }: { y: number; text: string }): React.JSX.Element {
  return (
    <text x={left - 6} y={y} className="build-chart-label" textAnchor="end">
      {text}
    </text>
  );
}

function Marker({ point, x, y }: { point: BuildPoint; x: number; y: number }): React.JSX.Element {
  const title = `${point.number !== undefined ? `#${point.number}` : point.id} of ${point.project}: ${
    outcomeWords[point.outcome]
  } in ${durationText(point.durationMs)}, ${new Date(point.at).toLocaleString()}`;
  return (
    <g
      className={`build-chart-point build-chart-${point.outcome}`}
      transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
    >
      <Shape outcome={point.outcome} />
      <title>{title}</title>
    </g>
  );
}

function Shape({ outcome }: { outcome: BuildOutcome }): React.JSX.Element {
  switch (outcome) {
    case 'succeeded':
      return <circle r={3.5} />;
    case 'failed':
      return <path d="M-4 -4L4 4M4 -4L-4 4" />;
    case 'other':
      return <rect x={-3.5} y={-3.5} width={7} height={7} />;
  }
}

function LegendShape({ outcome }: { outcome: BuildOutcome }): React.JSX.Element {
  return (
    <svg viewBox="-6 -6 12 12" width="10" height="10" className={`build-chart-point build-chart-${outcome}`}>
      <Shape outcome={outcome} />
    </svg>
  );
}

/** A round top for the duration axis: 1, 2, 5, 10, 15, 30 minutes, then whole hours. */
function niceCeiling(ms: number): number {
  const minute = 60_000;
  const steps = [1, 2, 5, 10, 15, 20, 30, 45, 60].map((m) => m * minute);
  return steps.find((s) => s >= ms) ?? Math.ceil(ms / (60 * minute)) * 60 * minute;
}

function shortDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
}
