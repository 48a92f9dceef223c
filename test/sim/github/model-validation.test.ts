// Every answer the GitHub simulator gives, in every scenario and at several
// moments (runs queued, running, waiting, finished), must match GitHub's
// official OpenAPI description: successes against the operation's response
// schema, errors against basic-error. Answers under the GHES base path are
// also held to the GitHub Enterprise Server 3.19 description.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { githubRoutes } from '../../../src/sim/github/index';
import { scenarioNames } from '../../../src/sim/scenarios';
import { Crawler, type Exchange } from './crawl';
import { demoToken, startHarness, type Harness } from './harness';
import { Description, loadDescription } from './openapi';
import { SchemaChecker } from './schema-check';

interface Model {
  description: Description;
  checker: SchemaChecker;
}
let dotcom: Model;
let enterpriseServer: Model;
let sim: Harness | undefined;

function model(name: Parameters<typeof loadDescription>[0]): Model {
  const description = new Description(loadDescription(name));
  return { description, checker: new SchemaChecker(description.document) };
}

beforeAll(() => {
  dotcom = model('api.github.com');
  enterpriseServer = model('ghes-3.19');
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Verdict {
  checked: number;
  /** operationIds of the successful answers that were validated. */
  operations: Set<string>;
  malformed: Exchange[];
  problems: string[];
}

function validate({ description, checker }: Model, exchanges: readonly Exchange[]): Verdict {
  const verdict: Verdict = { checked: 0, operations: new Set(), malformed: [], problems: [] };
  for (const x of exchanges) {
    if (x.status === 302 || x.status === 304) continue;
    if (x.body === undefined) {
      verdict.malformed.push(x);
      continue;
    }
    const where = `${x.method} ${x.path} ${x.status}`;
    if (x.status >= 400) {
      verdict.problems.push(
        ...checker.check(x.body, { $ref: '#/components/schemas/basic-error' }).map((e) => `${where}: ${e}`),
      );
    } else {
      const response = description.responseSchema(x.method, x.path, x.status);
      if (!response?.schema) {
        verdict.problems.push(`${where}: the description has no JSON response for this`);
        continue;
      }
      verdict.problems.push(
        ...checker.check(x.body, response.schema).map((e) => `${where} (${response.operationId}): ${e}`),
      );
      verdict.operations.add(response.operationId);
    }
    verdict.checked += 1;
  }
  return verdict;
}

/** The writes a client makes, so their answers (and the states they lead to) are validated too. */
async function exerciseWrites(crawler: Crawler, harness: Harness): Promise<void> {
  const backend = '/repos/acme-rockets/mobile-backend';
  const waiting = harness.control.runs('acme-rockets/mobile-backend').find((r) => r.status === 'waiting');
  const failed = harness.control.runs('acme-rockets/mobile-backend').find((r) => r.conclusion === 'failure');
  const running = harness.control.runs('acme-rockets/storefront').find((r) => r.status === 'in_progress');
  expect(waiting && failed && running).toBeTruthy();
  if (!waiting || !failed || !running) return;
  const pending = await crawler.get<{ environment: { id: number } }[]>(
    `${backend}/actions/runs/${waiting.id}/pending_deployments`,
  );
  const envId = pending?.[0]?.environment.id ?? 0;
  await crawler.request('POST', `${backend}/actions/runs/${waiting.id}/pending_deployments`, {
    environment_ids: [envId],
    state: 'maybe',
    comment: 'x',
  });
  await crawler.request('POST', `${backend}/actions/runs/${waiting.id}/pending_deployments`, {
    environment_ids: [envId],
    state: 'approved',
    comment: 'Ship it',
  });
  await crawler.request('POST', `${backend}/actions/runs/${waiting.id}/pending_deployments`, {
    environment_ids: [envId],
    state: 'approved',
    comment: 'Again',
  });
  await crawler.request('POST', `${backend}/actions/runs/${failed.id}/rerun-failed-jobs`);
  await crawler.request('POST', `/repos/acme-rockets/storefront/actions/runs/${running.id}/cancel`);
  await crawler.request('POST', `/repos/acme-rockets/storefront/actions/runs/${running.id}/cancel`);
  const succeeded = harness.control.runs('acme-rockets/storefront').find((r) => r.conclusion === 'success');
  if (succeeded) await crawler.request('POST', `/repos/acme-rockets/storefront/actions/runs/${succeeded.id}/rerun`);
  await crawler.request('GET', '/user', undefined, 'not-a-token');
}

describe.each(scenarioNames)('scenario %s', (scenario) => {
  it("answers only with bodies that match GitHub's OpenAPI description", async () => {
    sim = await startHarness(scenario, { scale: 20 });
    const crawler = new Crawler(sim.url, demoToken);
    const enterprise = new Crawler(sim.enterpriseUrl, demoToken);
    await crawler.readEverything({ maxRepos: 4, maxRuns: 6 });
    if (scenario === 'demo') await exerciseWrites(crawler, sim);
    sim.clock.advance(7 * 60_000);
    await enterprise.readEverything({ maxRepos: 4, maxRuns: 4 });
    sim.clock.advance(3 * 60 * 60_000);
    await crawler.readEverything({ maxRepos: 4, maxRuns: 4 });

    const verdict = validate(dotcom, [...crawler.exchanges, ...enterprise.exchanges]);
    expect(verdict.problems.slice(0, 20)).toEqual([]);
    expect(validate(enterpriseServer, enterprise.exchanges).problems.slice(0, 20)).toEqual([]);
    if (scenario === 'faults') {
      // The faults scenario truncates one pull-request listing on purpose.
      expect(verdict.malformed.every((x) => x.path.endsWith('/pulls'))).toBe(true);
    } else {
      expect(verdict.malformed.map((x) => `${x.method} ${x.path} ${x.status}`)).toEqual([]);
    }
    expect(verdict.checked).toBeGreaterThan(scenario === 'empty' ? 5 : 50);
    if (scenario === 'demo') {
      // Every JSON route the simulator serves was validated at least once (job logs answer 302, not JSON).
      const served = githubRoutes
        .map((r) => r.operation)
        .filter((op) => op !== 'actions/download-job-logs-for-workflow-run');
      expect(served.filter((op) => !verdict.operations.has(op))).toEqual([]);
    }
  });
});
