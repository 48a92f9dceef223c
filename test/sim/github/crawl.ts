// Walks the simulator's GitHub API the way a client would (following ids from
// one answer into the next) and keeps every JSON answer, for the
// model-validation test.
export interface Exchange {
  method: string;
  path: string;
  status: number;
  body: unknown;
  text: string;
}

export class Crawler {
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request(method: string, path: string, body?: unknown, token = this.token): Promise<Exchange> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        authorization: `token ${token}`,
        accept: 'application/vnd.github+json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const exchange = {
      method,
      path: new URL(`${this.baseUrl}${path}`).pathname.slice(new URL(this.baseUrl).pathname.replace(/\/$/, '').length),
      status: response.status,
      body: parsed,
      text,
    };
    this.exchanges.push(exchange);
    return exchange;
  }

  async get<T>(path: string): Promise<T | undefined> {
    const exchange = await this.request('GET', path);
    return exchange.status === 200 ? (exchange.body as T) : undefined;
  }

  /** Every read route, for up to `maxRepos` repositories and `maxRuns` runs each. */
  async readEverything(options: { maxRepos: number; maxRuns: number }): Promise<void> {
    await this.get('/user');
    await this.get('/rate_limit');
    const repos = (await this.get<{ full_name: string; owner: { login: string } }[]>('/user/repos?per_page=100')) ?? [];
    const orgs = new Set(repos.map((r) => r.owner.login));
    for (const org of orgs) {
      await this.get(`/orgs/${org}/repos?per_page=5`);
      await this.get(`/users/${org}/repos?per_page=5&sort=pushed`);
      await this.get(`/search/repositories?q=${encodeURIComponent(`e user:${org} fork:true`)}&per_page=2`);
    }
    for (const { full_name: name } of repos.slice(0, options.maxRepos))
      await this.readRepo(`/repos/${name}`, options.maxRuns);
    await this.request('GET', '/repos/nobody/nothing');
    await this.request('GET', '/no/such/route');
  }

  private async readRepo(repo: string, maxRuns: number): Promise<void> {
    await this.get(repo);
    await this.get(`${repo}/branches`);
    await this.get(`${repo}/branches/main`);
    const commits = (await this.get<{ sha: string }[]>(`${repo}/commits?per_page=5`)) ?? [];
    if (commits[0]) await this.get(`${repo}/commits/${commits[0].sha}`);
    const pulls = (await this.get<{ number: number; head: { sha: string } }[]>(`${repo}/pulls`)) ?? [];
    for (const pull of pulls.slice(0, 3)) {
      await this.get(`${repo}/pulls/${pull.number}`);
      await this.get(`${repo}/pulls/${pull.number}/reviews`);
      await this.get(`${repo}/commits/${pull.head.sha}/status`);
      await this.get(`${repo}/commits/${pull.head.sha}/check-runs`);
    }
    const workflows = (await this.get<{ workflows: { id: number }[] }>(`${repo}/actions/workflows`))?.workflows ?? [];
    for (const w of workflows) {
      await this.get(`${repo}/actions/workflows/${w.id}`);
      await this.get(`${repo}/actions/workflows/${w.id}/runs?per_page=5`);
    }
    const runs =
      (await this.get<{ workflow_runs: { id: number }[] }>(`${repo}/actions/runs?per_page=${maxRuns}`))
        ?.workflow_runs ?? [];
    for (const run of runs) {
      await this.get(`${repo}/actions/runs/${run.id}`);
      await this.get(`${repo}/actions/runs/${run.id}/pending_deployments`);
      await this.get(`${repo}/actions/runs/${run.id}/attempts/1`);
      await this.get(`${repo}/actions/runs/${run.id}/attempts/1/jobs`);
      const jobs =
        (await this.get<{ jobs: { id: number }[] }>(`${repo}/actions/runs/${run.id}/jobs?filter=all`))?.jobs ?? [];
      if (jobs[0]) await this.get(`${repo}/actions/jobs/${jobs[0].id}`);
    }
    const deployments = (await this.get<{ id: number }[]>(`${repo}/deployments?per_page=5`)) ?? [];
    for (const d of deployments.slice(0, 3)) {
      await this.get(`${repo}/deployments/${d.id}`);
      await this.get(`${repo}/deployments/${d.id}/statuses`);
    }
    const environments =
      (await this.get<{ environments: { name: string }[] }>(`${repo}/environments`))?.environments ?? [];
    for (const e of environments) await this.get(`${repo}/environments/${e.name}`);
  }
}
