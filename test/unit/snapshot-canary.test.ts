// RELIABILITY C04: a canary token handed to the snapshot under any key that
// the schema does not name never reaches the snapshot file, the delivered
// events file, or the events themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveredEvents } from '../../src/main/hub/snapshot/dedup';
import { diffSnapshots } from '../../src/main/hub/snapshot/diff';
import { SnapshotStore } from '../../src/main/hub/snapshot/store';
import type { Snapshot } from '../../src/shared/snapshot';
import {
  action,
  build,
  execution,
  fakeTimers,
  pipeline,
  pullRequest,
  repository,
  snapshot,
  stage,
  waiting,
} from '../support/snapshot-builders';
import { tempDir } from '../support/temp-hub';

const canary = 'CANARY-AKIA-7f3e9d2c-not-a-real-token';

/** Every field the shared models carry, filled in. */
function everything(): Snapshot {
  const approve = action('Manual', 'InProgress', {
    category: 'Approval',
    provider: 'Manual',
    configuration: { CustomData: 'check', ConnectionArn: 'arn:conn' },
    actionExecutionId: 'a1',
    lastUpdatedBy: 'arn:aws:iam::1:user/bo',
  });
  return snapshot([
    pipeline({
      executions: [
        execution('e1', 'InProgress', 0, {
          trigger: { type: 'Webhook', detail: 'push' },
          sourceRevisions: [{ actionName: 'Source', author: { name: 'Bo', email: 'bo@example.com' } }],
        }),
      ],
      stages: [stage('Approve', 'e1', 'InProgress', [approve])],
      waitingApprovals: [waiting('Approve', 'Manual', 'e1', { customData: 'check' })],
    }),
    build('api', 1, 'IN_PROGRESS', {
      phases: [{ type: 'BUILD', status: 'FAILED', reasons: [{ code: 'X', message: 'y' }] }],
      environmentVariables: [{ name: 'DB_PASSWORD', type: 'PLAINTEXT' }],
      tests: { total: 3, passed: 2, failed: 1, skipped: 0, durationMs: 10, status: 'FAILED', reports: 1 },
      log: { group: 'g', stream: 's', consoleUrl: 'https://console.aws.amazon.com/x' },
    }),
    repository([pullRequest('7')], {
      recentCommits: [
        {
          id: 'c1',
          subject: 's',
          message: 'm',
          author: { name: 'Bo', email: 'bo@example.com' },
          parents: [],
          consoleUrl: 'u',
        },
      ],
      problem: { code: 'throttled', message: 'slow down', retryAt: 'later' },
    }),
  ]);
}

/** Maps keyed by id rather than objects with fields: an extra entry there is another resource, not a field. */
const idMaps = new Set(['resources', 'sources']);

/** A copy with the canary under secret-looking keys in every object, and as unsafe action configuration. */
function withCanaries(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((inner) => withCanaries(inner));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = Object.fromEntries(
    Object.entries(value).map(([name, inner]) => [name, withCanaries(inner, name)]),
  );
  if (idMaps.has(key)) return copy;
  Object.assign(copy, { token: canary, approvalToken: canary, secretAccessKey: canary });
  if ('configuration' in copy) copy['configuration'] = { ...(copy['configuration'] as object), OAuthToken: canary };
  return copy;
}

describe('no secret reaches the snapshot files (RELIABILITY C04)', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  it('persists only schema-known fields: the canary is dropped, every known field kept', async () => {
    const store = SnapshotStore.open({ dir, timers: fakeTimers() });
    const poisoned = withCanaries(everything()) as Snapshot;
    expect(JSON.stringify(poisoned)).toContain(canary);
    store.update(() => poisoned);
    await store.close();

    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name), 'utf8')).not.toContain(canary);
    const reopened = SnapshotStore.open({ dir, timers: fakeTimers() });
    expect(reopened.loaded.dropped).toEqual([]);
    expect(reopened.current.resources).toEqual(everything().resources);
  });

  it('keeps the canary out of events and the delivered-events file', async () => {
    const before = withCanaries(snapshot([])) as Snapshot;
    const after = withCanaries(everything()) as Snapshot;
    const events = diffSnapshots(before, after);
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(canary);

    const delivered = DeliveredEvents.open({ dir, timers: fakeTimers() });
    await delivered.claim(events);
    expect(readFileSync(delivered.path, 'utf8')).not.toContain(canary);
  });
});
