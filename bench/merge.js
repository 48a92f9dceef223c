// The last step of `npm run bench`: merges bench-results/parts/*.json into
// bench-results/latest.json with the machine and the sizes, judges the issue
// 10 targets (met, missed, or not measured) and prints a short table. Plain
// JavaScript so that it runs on Node without a TypeScript runner.
/* global process, console -- plain Node; the lint config gives .js files no globals. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const results = join(import.meta.dirname, '..', 'bench-results');
const partsDir = join(results, 'parts');
const sizes = { small: 50, large: 500 };

const parts = {};
if (existsSync(partsDir)) {
  for (const file of readdirSync(partsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    parts[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(partsDir, file), 'utf8'));
  }
}
const aws = parts.aws ?? {};
const github = parts.github ?? {};
const large = String(sizes.large);
const small = String(sizes.small);

/** met / missed with the figure it was judged on, or not measured. */
const judge = (value, ok, detail) =>
  value === undefined || value === null
    ? { status: 'not measured' }
    : { status: ok(value) ? 'met' : 'missed', value, detail };

const notice = aws[large]?.notice ?? aws[small]?.notice ?? [];
const noticeMax = (cadence) => {
  const times = notice.filter((n) => n.cadence === cadence).map((n) => n.noticeMs);
  return times.length === 0 || times.includes(null) ? undefined : Math.max(...times) / 1000;
};
const memoryLarge = aws[large]?.memory;
const memoryLeak = aws[large]?.memory?.cycle30MiB !== undefined ? aws[large].memory : aws[small]?.memory;

const targets = {
  awsSteadyWithinFloorPlus5pc: judge(
    aws[large]?.steady?.overFloor,
    (v) => v <= 1.05,
    'steady calls / floor, large size',
  ),
  awsSteady2_5xBelowNaive: judge(
    aws[large]?.steady?.fewerThanNaive,
    (v) => v >= 2.5,
    'naive / steady calls, large size',
  ),
  githubIdleAtMost5pcCounted: judge(
    github[large]?.idle?.countedShare,
    (v) => v <= 0.05,
    'share of an idle Refresh, large size',
  ),
  githubIdleCycleAtMost5pcCounted: judge(
    (github[large]?.idleCycle ?? github[small]?.idleCycle)?.countedShare,
    (v) => v <= 0.05,
    `share over one idle cadence, ${github[large]?.idleCycle ? 'large' : 'small'} size`,
  ),
  noticeRunningAtMost10s: judge(noticeMax('running'), (v) => v <= 10, 'slowest running-cadence change (s)'),
  noticeIdleAtMost70s: judge(noticeMax('idle'), (v) => v <= 70, 'slowest idle-cadence change (s)'),
  firstPaintFromCacheUnder1s: judge(parts.browser?.firstPaint?.fromCacheMs, (v) => v < 1000, 'ms, large size'),
  pipelinesListUnder100ms: judge(parts['browser-list']?.pipelinesList?.renderMs, (v) => v < 100, 'ms, 1,000 items'),
  logViewerUnder500ms: judge(parts['browser-log']?.logViewer?.openMs, (v) => v < 500, 'ms, 100,000 lines'),
  hubHeapUnder150MiB: judge(
    memoryLarge?.hubAtCycle30MiB ?? memoryLarge?.hubAfterFiguresMiB,
    (v) => v < 150,
    'MiB the hub held (freed when it closed, after a full GC), large size',
  ),
  hubHeapFlat10To30: judge(
    memoryLeak?.cycle30MiB === undefined ? undefined : memoryLeak.cycle30MiB - memoryLeak.cycle10MiB,
    (v) => v <= memoryLeak.cycle10MiB * 0.05,
    `MiB grown from cycle 10 to 30, ${memoryLeak === aws[large]?.memory ? 'large' : 'small'} size (flat: within 5 %)`,
  ),
};

const cpu = cpus();
const report = {
  machine: {
    cores: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    totalMemGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  at: new Date().toISOString(),
  sizes: { pipelines: [sizes.small, sizes.large], githubRepositories: [sizes.small / 2, sizes.large / 2] },
  figures: parts,
  targets,
};
writeFileSync(join(results, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

const rows = [];
const row = (figure, at, value) => rows.push([figure, at, value]);
for (const size of [small, large]) {
  const a = aws[size];
  if (a) {
    row(
      '1 AWS calls, steady refresh',
      size,
      `${a.steady.calls} (floor ${a.steady.floor}, naive ${a.steady.naive}, ${a.steady.fewerThanNaive}x fewer)`,
    );
    row('1 AWS calls, active refresh', size, `${a.active.calls} (${a.active.running.pipelines} pipelines running)`);
    row(
      '4 AWS refresh wall, 50 ms/call',
      size,
      `${(a.wall.wallMs / 1000).toFixed(1)} s (serial ${(a.wall.serialSumMs / 1000).toFixed(1)} s, ${a.wall.calls} calls; ${(a.wall.withoutLatencyMs / 1000).toFixed(1)} s without)`,
    );
  }
  const g = github[size];
  if (g) {
    row(
      '2 GitHub idle Refresh',
      size,
      `${g.idle.requests} sent: ${g.idle.ok200} x 200, ${g.idle.notModified304} x 304 (unconditional ${g.idle.unconditional})`,
    );
    if (g.idleCycle)
      row(
        '2 GitHub, one idle cadence',
        size,
        `${g.idleCycle.requests} sent, ${g.idleCycle.countedAgainstLimit} counted (${(g.idleCycle.countedShare * 100).toFixed(1)} %)`,
      );
    row(
      '4 GitHub refresh wall, 50 ms/req',
      size,
      `${(g.wall.wallMs / 1000).toFixed(1)} s (serial ${(g.wall.serialSumMs / 1000).toFixed(1)} s, ${g.wall.calls} requests)`,
    );
  }
  for (const n of aws[size]?.notice ?? [])
    row(`3 notice: ${n.change}`, size, n.noticeMs === null ? 'not seen' : `${(n.noticeMs / 1000).toFixed(1)} s`);
  const m = aws[size]?.memory;
  if (m) {
    const hub = m.hubAtCycle30MiB ?? m.hubAfterFiguresMiB;
    const leak = m.cycle30MiB === undefined ? '' : `; process ${m.cycle10MiB} MiB at cycle 10, ${m.cycle30MiB} at 30`;
    row('7 hub heap', size, `${hub} MiB (process with simulator ${m.processMiB} MiB${leak})`);
  }
}
const paint = parts.browser?.firstPaint;
if (paint) {
  row(
    '5 first project card, from cache',
    String(paint.size),
    `${paint.fromCacheMs} ms (page loaded at ${paint.domContentLoadedMs} ms; ${paint.cardsInDom} cards)`,
  );
  row('5 first project card, empty cache', String(paint.size), `${paint.emptyCacheMs} ms`);
  row('7 renderer JS heap, home page', String(paint.size), `${paint.rendererHeapMiB} MiB`);
}
const list = parts['browser-list']?.pipelinesList;
if (list) {
  row(
    '6 pipelines list, render',
    String(list.size),
    `${list.renderMs} ms to the first row (${list.rowsInDom} rows in the DOM)`,
  );
  row('6 pipelines list, scroll to end', String(list.size), `${list.scrollMs} ms`);
}
const log = parts['browser-log']?.logViewer;
if (log) {
  row('6 log viewer, open to the first line', String(log.lines), `${log.openMs} ms (${log.rowsInDom} rows in the DOM)`);
  row(
    '6 log viewer, every page in, at the end',
    String(log.lines),
    `${log.scrollToEndMs} ms more (${log.rendererHeapMiB} MiB heap)`,
  );
}
const width = rows.reduce((w, r) => Math.max(w, r[0].length), 6);
console.log(
  `\nStarboard bench, ${report.machine.cores} cores, ${report.machine.cpuModel}, Node ${report.machine.node}\n`,
);
console.log(`${'Figure'.padEnd(width)}  Size  Value`);
for (const [figure, at, value] of rows) console.log(`${figure.padEnd(width)}  ${at.padStart(4)}  ${value}`);
console.log('\nTargets');
for (const [name, t] of Object.entries(targets)) {
  console.log(`  ${t.status.padEnd(12)} ${name}${t.value === undefined ? '' : `: ${t.value} (${t.detail})`}`);
}
console.log(`\nWritten to ${join('bench-results', 'latest.json')}`);
