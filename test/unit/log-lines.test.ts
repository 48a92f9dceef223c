import { describe, expect, it } from 'vitest';
import {
  classifyLine,
  firstError,
  initiallyOpenGroups,
  parseLog,
  visibleLines,
} from '../../src/renderer/src/components/logs/log-lines';

const t = '2026-03-01T10:00:00.1234567Z';

describe('classifyLine', () => {
  it('takes the timestamp GitHub puts in front of each line apart', () => {
    expect(classifyLine(`${t} hello`)).toEqual({ timestamp: t, kind: 'plain', body: 'hello' });
    expect(classifyLine('no stamp here')).toEqual({ kind: 'plain', body: 'no stamp here' });
    expect(classifyLine('2026-03-01 10:00:00 not ISO')).toEqual({ kind: 'plain', body: '2026-03-01 10:00:00 not ISO' });
  });

  it('reads workflow commands and the runner’s [command] lines', () => {
    expect(classifyLine(`${t} ##[group]Run npm test`)).toMatchObject({ kind: 'group', body: 'Run npm test' });
    expect(classifyLine(`${t} ##[endgroup]`)).toMatchObject({ kind: 'endgroup', body: '' });
    expect(classifyLine(`${t} ##[error]Process completed with exit code 1.`)).toMatchObject({
      kind: 'error',
      body: 'Process completed with exit code 1.',
    });
    expect(classifyLine(`${t} ##[warning]Node 16 is deprecated`)).toMatchObject({ kind: 'warning' });
    expect(classifyLine(`${t} ##[notice]note`)).toMatchObject({ kind: 'notice' });
    expect(classifyLine(`${t} ##[debug]detail`)).toMatchObject({ kind: 'debug' });
    expect(classifyLine(`${t} [command]/usr/bin/git version`)).toMatchObject({
      kind: 'command',
      body: '/usr/bin/git version',
    });
    // Only at the start of the line: a command quoted in the middle is text.
    expect(classifyLine(`${t} echo "##[error]not really"`)).toMatchObject({ kind: 'plain' });
  });

  it('keeps what a carriage return left on screen, and drops a trailing one', () => {
    expect(classifyLine(`${t} 10%\r${t} 50%\r${t} 100%\r`)).toMatchObject({ body: '100%', timestamp: t });
    expect(classifyLine(`${t} done\r`)).toMatchObject({ body: 'done' });
  });
});

describe('parseLog', () => {
  const log = [
    `\uFEFF${t} start`,
    `${t} ##[group]Run actions/checkout@v4`,
    `${t} inside`,
    `${t} ##[endgroup]`,
    `${t} ##[group]Run npm test`,
    `${t} ##[error]boom`,
    `${t} ##[group]Run next (no endgroup before it)`,
    `${t} last`,
    '',
  ].join('\n');

  it('numbers lines from 1 and ties each to its group; a new group closes an open one', () => {
    const model = parseLog(log);
    expect(model.lines.map((l) => [l.number, l.kind, l.group])).toEqual([
      [1, 'plain', undefined],
      [2, 'group', undefined],
      [3, 'plain', 2],
      [4, 'endgroup', 2],
      [5, 'group', undefined],
      [6, 'error', 5],
      [7, 'group', undefined],
      [8, 'plain', 7],
    ]);
    expect(model.lines[0]?.body).toBe('start');
    expect([...model.groups]).toEqual([
      [2, 4],
      [5, 6],
      [7, 8],
    ]);
  });

  it('shows group headers, hides folded lines and end markers', () => {
    const model = parseLog(log);
    expect(visibleLines(model, new Set([2, 5, 7])).map((l) => l.number)).toEqual([1, 2, 5, 7]);
    expect(visibleLines(model, new Set()).map((l) => l.number)).toEqual([1, 2, 3, 5, 6, 7, 8]);
  });

  it('opens groups with an error and the one still running; finds the first error', () => {
    const model = parseLog(log);
    expect([...initiallyOpenGroups(model)].sort()).toEqual([5, 7]);
    expect(firstError(model)?.number).toBe(6);
    expect(firstError(parseLog('all fine\n'))).toBeUndefined();
  });

  it('reads an empty log as no lines', () => {
    expect(parseLog('').lines).toEqual([]);
  });
});
