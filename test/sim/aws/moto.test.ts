// The same integration test against the simulator and against moto
// (`python3 -m moto.server`), for every operation both implement: both
// answers conform to the official models, and the entities they return
// agree on shape. Moto starts empty, so the demo's resources are first
// created on it through the real SDK.
//
// Moto is incomplete and the simulator is richer, so key sets are not
// required to match exactly: the stable core (members the model requires
// plus those Starboard reads) must be present with the same JSON type on
// both sides; every other difference is printed with console.info.
import { Readable } from 'node:stream';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  BatchGetBuildsCommand,
  BatchGetProjectsCommand,
  CodeBuildClient,
  CreateProjectCommand,
  ListBuildsCommand,
  ListBuildsForProjectCommand,
  ListProjectsCommand,
  type Project,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import {
  BatchGetRepositoriesCommand,
  CodeCommitClient,
  CreateRepositoryCommand,
  GetRepositoryCommand,
} from '@aws-sdk/client-codecommit';
import {
  BatchGetDeploymentGroupsCommand,
  BatchGetDeploymentsCommand,
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentGroupCommand,
  ListApplicationsCommand,
  ListDeploymentGroupsCommand,
  ListDeploymentsCommand,
} from '@aws-sdk/client-codedeploy';
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineCommand,
  ListPipelinesCommand,
  type PipelineDeclaration,
} from '@aws-sdk/client-codepipeline';
import {
  CreateApplicationCommand as CreateBeanstalkApplicationCommand,
  CreateEnvironmentCommand,
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
} from '@aws-sdk/client-elastic-beanstalk';
import type { DeserializeMiddleware, MiddlewareStack } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAws } from '../../../src/sim/aws';
import { type Harness, startHarness } from './harness';
import { loadBotocoreModel, loadSdkModel, type ServiceModel, validateOutput } from './model-validator';
import { type MotoServer, motoMissingReason, startMoto } from './moto-server';

type Json = Record<string, unknown>;
type ModelName = 'codebuild' | 'codedeploy' | 'elasticbeanstalk' | 'logs' | 'codepipeline' | 'codecommit';
type SideName = 'simulator' | 'moto';

/** What came over the wire for the last call on one side. */
interface Wire {
  status?: number;
  body?: string;
}

interface Side {
  name: SideName;
  wire: Wire;
  codebuild: CodeBuildClient;
  codedeploy: CodeDeployClient;
  beanstalk: ElasticBeanstalkClient;
  logs: CloudWatchLogsClient;
  codepipeline: CodePipelineClient;
  codecommit: CodeCommitClient;
}

interface Reply {
  side: SideName;
  operation: string;
  status?: number;
  /** The response document: the JSON body as sent for JSON protocols, the SDK's output for the query protocol. */
  doc?: Json;
  error?: { name: string; message: string; modeled: boolean };
}

const missing = motoMissingReason();
if (missing !== undefined) console.warn(`moto.test.ts skipped: ${missing}`);
const credentials = { accessKeyId: 'AKIDMOTOCOMPARE', secretAccessKey: 'secret' };
const region = 'us-east-1';
const sf = demoAws.storefront;
const pa = demoAws.paymentsApi;
const mb = demoAws.mobileBackend;

// ---------------------------------------------------------------------------
// Wire capture: keeps the raw body of every response so the model check sees
// exactly what each server sent, even when the SDK cannot deserialize it.

function captureWire<I extends object, O extends object>(stack: MiddlewareStack<I, O>, wire: Wire): void {
  const middleware: DeserializeMiddleware<I, O> = (next) => async (args) => {
    const result = await next(args);
    const response = result.response as { statusCode?: number; body?: unknown };
    wire.status = response.statusCode;
    if (response.body instanceof Readable) {
      const chunks: Buffer[] = [];
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
      const buffer = Buffer.concat(chunks);
      wire.body = buffer.toString('utf8');
      response.body = Readable.from([buffer]);
    }
    return result;
  };
  // Low priority in the deserialize step runs inside the SDK's deserializer, next to the raw response.
  stack.add(middleware, { step: 'deserialize', priority: 'low', name: 'captureWireBody' });
}

function makeSide(name: SideName, endpoint: string): Side {
  const config = { endpoint, region, credentials, maxAttempts: 1 };
  const wire: Wire = {};
  const side: Side = {
    name,
    wire,
    codebuild: new CodeBuildClient(config),
    codedeploy: new CodeDeployClient(config),
    beanstalk: new ElasticBeanstalkClient(config),
    logs: new CloudWatchLogsClient(config),
    codepipeline: new CodePipelineClient(config),
    codecommit: new CodeCommitClient(config),
  };
  captureWire(side.codebuild.middlewareStack, wire);
  captureWire(side.codedeploy.middlewareStack, wire);
  captureWire(side.beanstalk.middlewareStack, wire);
  captureWire(side.logs.middlewareStack, wire);
  captureWire(side.codepipeline.middlewareStack, wire);
  captureWire(side.codecommit.middlewareStack, wire);
  return side;
}

function destroySide(side: Side | undefined): void {
  if (!side) return;
  for (const client of [side.codebuild, side.codedeploy, side.beanstalk, side.logs, side.codepipeline, side.codecommit])
    client.destroy();
}

const isJson = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function withoutMetadata(output: object): Json {
  const copy: Json = { ...output };
  delete copy.$metadata;
  return copy;
}

function parseBody(body: string | undefined): Json | undefined {
  if (body === undefined || body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return isJson(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function clearWire(wire: Wire): void {
  delete wire.body;
  delete wire.status;
}

/** Calls one operation on one side; never throws, so both sides are always compared. */
async function ask(
  side: Side,
  protocol: 'json' | 'query',
  operation: string,
  send: (s: Side) => Promise<object>,
): Promise<Reply> {
  clearWire(side.wire);
  try {
    const output = await send(side);
    const doc = protocol === 'json' ? parseBody(side.wire.body) : withoutMetadata(output);
    return { side: side.name, operation, status: side.wire.status, doc };
  } catch (e) {
    const error = e as { name?: string; message?: string; $fault?: unknown };
    const name = error.name ?? 'Error';
    // A deserialization failure (moto sending something the SDK cannot read) is not a modeled error.
    const modeled = typeof error.$fault === 'string' && !['SyntaxError', 'TypeError', 'Error'].includes(name);
    const doc =
      protocol === 'json' && side.wire.status !== undefined && side.wire.status < 300
        ? parseBody(side.wire.body)
        : undefined;
    return {
      side: side.name,
      operation,
      status: side.wire.status,
      doc,
      error: { name, message: error.message ?? '', modeled },
    };
  }
}

// ---------------------------------------------------------------------------
// The official models.

const models = new Map<ModelName, ServiceModel[]>();
type Ref = ServiceModel['shapes'][string];

function modelsOf(service: ModelName): ServiceModel[] {
  let found = models.get(service);
  if (!found) {
    const botocore = loadBotocoreModel(service);
    found = [loadSdkModel(service), ...(botocore ? [botocore] : [])];
    models.set(service, found);
  }
  return found;
}

function deref(model: ServiceModel, ref: Ref): Ref {
  let current = ref;
  while (current.shape !== undefined) {
    const target = model.shapes[current.shape];
    if (!target) throw new Error(`${model.source}: unknown shape ${current.shape}`);
    const rest = { ...current };
    delete rest.shape;
    current = { ...target, ...rest };
  }
  return current;
}

interface EntityModel {
  required: string[];
  /** Model type of each member (structure, list, string, timestamp, ...). */
  types: Record<string, string>;
}

/** The model of the entity found at `path` (member names, `[]` for a list's items) in an operation's output. */
function entityModel(service: ModelName, operation: string, path: string[]): EntityModel {
  const model = modelsOf(service)[0];
  const output = model?.operations[operation]?.output;
  if (!model || !output) throw new Error(`no model output for ${service}.${operation}`);
  let ref = deref(model, output);
  for (const step of path) {
    const next = step === '[]' ? ref.member : ref.members?.[step];
    if (!next) throw new Error(`${service}.${operation}: no ${path.join('.')} in the model`);
    ref = deref(model, next);
  }
  const types: Record<string, string> = {};
  for (const [name, member] of Object.entries(ref.members ?? {})) types[name] = deref(model, member).type ?? 'string';
  return { required: ref.required ?? [], types };
}

interface Problem {
  side: SideName | 'both';
  text: string;
}

/** Model problems in a reply's document, every model (aws-sdk and botocore) consulted. */
function modelProblems(service: ModelName, reply: Reply): Problem[] {
  const side = reply.side;
  if (!reply.doc) return [{ side, text: `${reply.operation}: no response document (${reply.error?.name ?? '?'})` }];
  const doc = reply.doc;
  return modelsOf(service).flatMap((m) =>
    // The same problem found by both models is one problem.
    validateOutput(m, reply.operation, doc).map((text) => ({ side, text })),
  );
}

/**
 * Where moto 5 departs from AWS. Matching moto problems are printed on every
 * run instead of failing it; the simulator gets no such allowance.
 */
const motoDeviations: { match: RegExp; why: string }[] = [
  {
    match: /: expected a timestamp \(got "\d{4}-\d\d-\d\dT/,
    why: 'moto sends AWS JSON 1.1 timestamps as ISO 8601 strings where AWS sends epoch seconds (the SDK v3 then fails with "Expected real number, got implicit NaN")',
  },
  {
    match:
      /^(BatchGetProjects\.projects\[\d+\]\.lastModifiedDate: not a member of the model|Project\.lastModified: missing from moto)$/,
    why: 'moto names Project.lastModified "lastModifiedDate", which is not in the model',
  },
  {
    match: /\.HealthStatus: not one of .* \(got "No Data"\)$/,
    why: 'moto sends HealthStatus "No Data"; the EnvironmentHealthStatus enum value is "NoData"',
  },
  {
    match: /^Build\.logs\.(groupName|streamName): missing from moto$/,
    why: "moto's Build.logs has no groupName/streamName (AWS sends both when CloudWatch Logs is enabled, Starboard reads them)",
  },
];

/** Fails on every problem except the known moto deviations, which are printed. */
function expectNoProblems(context: string, problems: Problem[]): void {
  const unexplained: string[] = [];
  const explained = new Map<string, Set<string>>();
  for (const p of problems) {
    const deviation = p.side === 'moto' ? motoDeviations.find((d) => d.match.test(p.text)) : undefined;
    if (deviation) {
      const texts = explained.get(deviation.why) ?? new Set<string>();
      texts.add(p.text.replace(/\[\d+\]/g, '[]'));
      explained.set(deviation.why, texts);
    } else unexplained.push(`${p.side}: ${p.text}`);
  }
  for (const [why, texts] of explained)
    console.info(`[moto deviation] ${context}: ${why}\n  ${[...texts].join('\n  ')}`);
  expect([...new Set(unexplained)]).toEqual([]);
}

/** Both answers conform to the official models (known moto deviations printed). */
function expectConforming(service: ModelName, ...replies: Reply[]): void {
  const context = `${service} ${[...new Set(replies.map((r) => r.operation))].join('/')}`;
  expectNoProblems(
    context,
    replies.flatMap((r) => modelProblems(service, r)),
  );
}

// ---------------------------------------------------------------------------
// Shape comparison.

const isoTimestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?$/;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'timestamp';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const present = (entity: Json): string[] =>
  Object.keys(entity)
    .filter((k) => entity[k] !== undefined && entity[k] !== null)
    .sort();

/**
 * Compares one entity from each side. Returns the problems (core members
 * missing or typed differently); prints every other difference.
 */
function compareShape(label: string, sim: Json, moto: Json, model: EntityModel, reads: string[]): Problem[] {
  const simKeys = present(sim);
  const motoKeys = present(moto);
  const onlySim = simKeys.filter((k) => !motoKeys.includes(k));
  const onlyMoto = motoKeys.filter((k) => !simKeys.includes(k));
  const motoNulls = Object.keys(moto).filter((k) => moto[k] === null);
  const notes: string[] = [];
  if (onlySim.length > 0) notes.push(`only the simulator sends: ${onlySim.join(', ')}`);
  if (onlyMoto.length > 0) notes.push(`only moto sends: ${onlyMoto.join(', ')}`);
  if (motoNulls.length > 0) notes.push(`moto sends JSON null for: ${motoNulls.join(', ')}`);

  const problems: Problem[] = [];
  for (const member of [...new Set([...model.required, ...reads])]) {
    const a = sim[member];
    const b = moto[member];
    if (a === undefined || a === null)
      problems.push({ side: 'simulator', text: `${label}.${member}: missing from the simulator` });
    if (b === undefined || b === null) problems.push({ side: 'moto', text: `${label}.${member}: missing from moto` });
    if (a === undefined || a === null || b === undefined || b === null) continue;
    const simKind = kindOf(a);
    const motoKind = kindOf(b);
    if (simKind === motoKind) continue;
    if (model.types[member] === 'timestamp' && typeof b === 'string' && isoTimestamp.test(b)) {
      notes.push(`${member}: simulator ${simKind} ${JSON.stringify(a)}, moto ISO string ${JSON.stringify(b)}`);
      continue;
    }
    problems.push({ side: 'both', text: `${label}.${member}: simulator ${simKind}, moto ${motoKind}` });
  }
  for (const member of [...new Set([...model.required, ...reads])]) {
    if (!(member in model.types))
      problems.push({ side: 'both', text: `${label}.${member}: not a member of the model (test bug)` });
  }
  if (notes.length > 0) console.info(`[shape] ${label}\n  ${notes.join('\n  ')}`);
  return problems;
}

const entities = (doc: Json | undefined, member: string): Json[] => {
  const list = doc?.[member];
  return Array.isArray(list) ? list.filter(isJson) : [];
};
const entity = (doc: Json | undefined, member: string): Json => {
  const value = doc?.[member];
  if (!isJson(value)) throw new Error(`no ${member} in ${JSON.stringify(doc).slice(0, 200)}`);
  return value;
};
const strings = (doc: Json | undefined, member: string): string[] => {
  const list = doc?.[member];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
};
function pick(list: Json[], member: string, value: unknown): Json {
  const found = list.find((x) => x[member] === value);
  if (!found) throw new Error(`no entity with ${member} = ${String(value)}`);
  return found;
}

// ---------------------------------------------------------------------------
// Moto setup: the demo's resources, created through the SDK.

/** IAM is not among Starboard's SDK clients; moto does not check signatures, so a form POST creates the role. */
async function createMotoRole(endpoint: string, name: string, service: string): Promise<string> {
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20260101/${region}/iam/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams({
      Action: 'CreateRole',
      Version: '2010-05-08',
      RoleName: name,
      AssumeRolePolicyDocument: trust,
    }).toString(),
  });
  const text = await response.text();
  const arn = /<Arn>([^<]+)<\/Arn>/.exec(text)?.[1];
  if (!response.ok || arn === undefined) throw new Error(`moto CreateRole failed: ${response.status} ${text}`);
  return arn;
}

interface MotoIds {
  buildId: string;
  deploymentId?: string;
  logStream: string;
}

async function seedMoto(moto: Side, endpoint: string, simProjects: Project[], simPipeline: PipelineDeclaration) {
  const account = '123456789012';
  // CodeBuild: the demo's three projects, mirrored from the simulator's own definitions.
  for (const p of simProjects) {
    const source = p.source?.type ?? 'NO_SOURCE';
    await moto.codebuild.send(
      new CreateProjectCommand({
        name: p.name,
        description: p.description,
        // Moto insists on a source location even where AWS does not need one.
        source: { type: source, location: p.source?.location ?? `${p.name}-source`, buildspec: 'buildspec.yml' },
        artifacts: { type: 'NO_ARTIFACTS' },
        environment: {
          type: 'LINUX_CONTAINER',
          image: p.environment?.image ?? 'aws/codebuild/standard:7.0',
          computeType: 'BUILD_GENERAL1_SMALL',
        },
        serviceRole: `arn:aws:iam::${account}:role/service-role/codebuild-${p.name ?? ''}-service-role`,
        tags: p.tags,
      }),
    );
  }
  const started = await ask(moto, 'json', 'StartBuild', (s) =>
    s.codebuild.send(new StartBuildCommand({ projectName: sf.buildProject })),
  );
  const build = entity(started.doc, 'build');
  const buildId = build.id;
  if (typeof buildId !== 'string') throw new Error('moto StartBuild returned no build id');

  // CodeDeploy: storefront and its deployment groups, with one deployment.
  await moto.codedeploy.send(
    new CreateApplicationCommand({ applicationName: sf.deployApplication, computePlatform: 'Server' }),
  );
  for (const deploymentGroupName of [sf.deploymentGroup, sf.stagingGroup]) {
    await moto.codedeploy.send(
      new CreateDeploymentGroupCommand({
        applicationName: sf.deployApplication,
        deploymentGroupName,
        serviceRoleArn: `arn:aws:iam::${account}:role/CodeDeployServiceRole`,
        deploymentConfigName: 'CodeDeployDefault.OneAtATime',
        ec2TagFilters: [{ Key: 'deployment-group', Value: deploymentGroupName, Type: 'KEY_AND_VALUE' }],
        deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
      }),
    );
  }
  const deployment = await moto.codedeploy
    .send(
      new CreateDeploymentCommand({
        applicationName: sf.deployApplication,
        deploymentGroupName: sf.deploymentGroup,
        revision: {
          revisionType: 'S3',
          s3Location: { bucket: 'codepipeline-artifacts', key: 'abc1234', bundleType: 'zip' },
        },
      }),
    )
    .catch(() => undefined);

  // Elastic Beanstalk: payments-api and its environment.
  await moto.beanstalk.send(new CreateBeanstalkApplicationCommand({ ApplicationName: pa.beanstalkApplication }));
  await moto.beanstalk.send(
    new CreateEnvironmentCommand({
      ApplicationName: pa.beanstalkApplication,
      EnvironmentName: pa.environment,
      SolutionStackName: '64bit Amazon Linux 2023 v6.1.0 running Node.js 20',
    }),
  );

  // CloudWatch Logs: the build's log group and stream, with a few lines.
  const logGroup = `/aws/codebuild/${sf.buildProject}`;
  const logStream = buildId.slice(buildId.lastIndexOf(':') + 1);
  await moto.logs.send(new CreateLogGroupCommand({ logGroupName: logGroup }));
  await moto.logs.send(new CreateLogStreamCommand({ logGroupName: logGroup, logStreamName: logStream }));
  const t0 = Date.now() - 60_000;
  await moto.logs.send(
    new PutLogEventsCommand({
      logGroupName: logGroup,
      logStreamName: logStream,
      logEvents: [
        '[Container] Entering phase INSTALL',
        '[Container] Running command npm ci',
        '[Container] Phase complete: BUILD State: SUCCEEDED',
      ].map((message, i) => ({ timestamp: t0 + i * 1000, message })),
    }),
  );

  // CodePipeline: the simulator's storefront declaration, with a role moto knows.
  const roleArn = await createMotoRole(endpoint, 'starboard-codepipeline', 'codepipeline.amazonaws.com');
  await moto.codepipeline.send(new CreatePipelineCommand({ pipeline: { ...simPipeline, roleArn } }));

  // CodeCommit: payments-api. Moto's answer carries ISO-string dates the SDK cannot parse; the repository exists.
  const created = await ask(moto, 'json', 'CreateRepository', (s) =>
    s.codecommit.send(
      new CreateRepositoryCommand({
        repositoryName: pa.repository,
        repositoryDescription: 'Payments, refunds and payouts API',
        tags: { [demoAws.projectTag]: pa.project },
      }),
    ),
  );
  if (created.status !== 200) throw new Error(`moto CreateRepository: ${created.status ?? '?'}`);

  const ids: MotoIds = {
    buildId,
    logStream,
    ...(deployment?.deploymentId ? { deploymentId: deployment.deploymentId } : {}),
  };
  return ids;
}

// ---------------------------------------------------------------------------

describe.skipIf(missing !== undefined)(
  `simulator and moto agree on shape${missing === undefined ? '' : ` (skipped: ${missing})`}`,
  () => {
    let harness: Harness | undefined;
    let motoServer: MotoServer | undefined;
    let sim: Side;
    let moto: Side;
    let motoIds: MotoIds;

    beforeAll(async () => {
      // Each server is kept as soon as it is up, so afterAll stops it even if the other failed to start.
      const started = await Promise.allSettled([
        startHarness('demo').then((h) => (harness = h)),
        startMoto().then((m) => (motoServer = m)),
      ]);
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      if (!harness || !motoServer) throw new Error('a server did not start');
      sim = makeSide('simulator', harness.config.endpoint);
      moto = makeSide('moto', motoServer.endpoint);
      const { projects = [] } = await sim.codebuild.send(
        new BatchGetProjectsCommand({ names: [sf.buildProject, pa.buildProject, mb.buildProject] }),
      );
      const { pipeline } = await sim.codepipeline.send(new GetPipelineCommand({ name: sf.pipeline }));
      if (!pipeline) throw new Error('the simulator has no storefront pipeline');
      motoIds = await seedMoto(moto, motoServer.endpoint, projects, pipeline);
    });

    afterAll(async () => {
      destroySide(sim);
      destroySide(moto);
      await Promise.all([harness?.close(), motoServer?.close()]);
    });

    const both = (protocol: 'json' | 'query', operation: string, send: (s: Side) => Promise<object>) =>
      Promise.all([ask(sim, protocol, operation, send), ask(moto, protocol, operation, send)]);

    describe('CodeBuild', () => {
      it('ListProjects: both list the demo projects', async () => {
        const [s, m] = await both('json', 'ListProjects', (c) => c.codebuild.send(new ListProjectsCommand({})));
        expectConforming('codebuild', s, m);
        for (const r of [s, m])
          expect(strings(r.doc, 'projects')).toEqual(
            expect.arrayContaining([sf.buildProject, pa.buildProject, mb.buildProject]),
          );
      });

      it('BatchGetProjects: a Project has the same core shape', async () => {
        const names = [sf.buildProject, 'no-such-project'];
        const [s, m] = await both('json', 'BatchGetProjects', (c) =>
          c.codebuild.send(new BatchGetProjectsCommand({ names })),
        );
        expectConforming('codebuild', s, m);
        const model = entityModel('codebuild', 'BatchGetProjects', ['projects', '[]']);
        const problems = compareShape(
          'Project',
          pick(entities(s.doc, 'projects'), 'name', sf.buildProject),
          pick(entities(m.doc, 'projects'), 'name', sf.buildProject),
          model,
          ['name', 'arn', 'description', 'source', 'environment', 'serviceRole', 'created', 'lastModified', 'tags'],
        );
        expectNoProblems('core shape', problems);
        const source = compareShape(
          'Project.source',
          entity(pick(entities(s.doc, 'projects'), 'name', sf.buildProject), 'source'),
          entity(pick(entities(m.doc, 'projects'), 'name', sf.buildProject), 'source'),
          entityModel('codebuild', 'BatchGetProjects', ['projects', '[]', 'source']),
          ['type'],
        );
        expectNoProblems('core shape', source);
        expect(strings(s.doc, 'projectsNotFound')).toEqual(['no-such-project']);
        if (strings(m.doc, 'projectsNotFound').length === 0)
          console.info('[moto deviation] BatchGetProjects: moto omits projectsNotFound for an unknown name');
      });

      it('ListBuilds and ListBuildsForProject: ids are project:uuid on both', async () => {
        const [s, m] = await both('json', 'ListBuilds', (c) => c.codebuild.send(new ListBuildsCommand({})));
        expectConforming('codebuild', s, m);
        const [sp, mp] = await both('json', 'ListBuildsForProject', (c) =>
          c.codebuild.send(new ListBuildsForProjectCommand({ projectName: sf.buildProject })),
        );
        expectConforming('codebuild', sp, mp);
        const shape = new RegExp(`^${sf.buildProject}:[0-9a-f-]{36}$`);
        for (const r of [sp, mp]) {
          const ids = strings(r.doc, 'ids');
          expect(ids.length).toBeGreaterThan(0);
          for (const id of ids) expect(id).toMatch(shape);
        }
        expect(strings(m.doc, 'ids')).toContain(motoIds.buildId);
        expect(strings(m.doc, 'ids')).toEqual(expect.arrayContaining(strings(mp.doc, 'ids')));
        expect(strings(s.doc, 'ids')).toEqual(expect.arrayContaining(strings(sp.doc, 'ids')));
      });

      it('ListBuildsForProject of a missing project: ResourceNotFoundException on both', async () => {
        const [s, m] = await both('json', 'ListBuildsForProject', (c) =>
          c.codebuild.send(new ListBuildsForProjectCommand({ projectName: 'no-such-project' })),
        );
        expect(s.error).toMatchObject({ name: 'ResourceNotFoundException', modeled: true });
        expect(m.error).toMatchObject({ name: 'ResourceNotFoundException', modeled: true });
      });

      it('BatchGetBuilds: a Build and its phases have the same core shape', async () => {
        const { ids: [simId] = [] } = await sim.codebuild.send(
          new ListBuildsForProjectCommand({ projectName: sf.buildProject }),
        );
        if (simId === undefined) throw new Error('the simulator has no storefront build');
        const gone = `${sf.buildProject}:00000000-0000-4000-8000-000000000000`;
        const [s, m] = await Promise.all([
          ask(sim, 'json', 'BatchGetBuilds', (c) =>
            c.codebuild.send(new BatchGetBuildsCommand({ ids: [simId, gone] })),
          ),
          ask(moto, 'json', 'BatchGetBuilds', (c) =>
            c.codebuild.send(new BatchGetBuildsCommand({ ids: [motoIds.buildId, gone] })),
          ),
        ]);
        expectConforming('codebuild', s, m);
        const simBuild = pick(entities(s.doc, 'builds'), 'id', simId);
        const motoBuild = pick(entities(m.doc, 'builds'), 'id', motoIds.buildId);
        const problems = compareShape(
          'Build',
          simBuild,
          motoBuild,
          entityModel('codebuild', 'BatchGetBuilds', ['builds', '[]']),
          [
            'id',
            'arn',
            'buildNumber',
            'projectName',
            'buildStatus',
            'currentPhase',
            'buildComplete',
            'phases',
            'startTime',
            'endTime',
            'initiator',
            'logs',
          ],
        );
        const phaseModel = entityModel('codebuild', 'BatchGetBuilds', ['builds', '[]', 'phases', '[]']);
        const simPhases = entities(simBuild, 'phases');
        const motoPhases = entities(motoBuild, 'phases');
        expect(simPhases.map((p) => p.phaseType)).toEqual(motoPhases.map((p) => p.phaseType));
        const phase = (list: Json[]) => pick(list, 'phaseType', 'BUILD');
        problems.push(
          ...compareShape('Build.phases[BUILD]', phase(simPhases), phase(motoPhases), phaseModel, [
            'phaseType',
            'phaseStatus',
            'startTime',
            'endTime',
            'durationInSeconds',
          ]),
          ...compareShape(
            'Build.logs',
            entity(simBuild, 'logs'),
            entity(motoBuild, 'logs'),
            entityModel('codebuild', 'BatchGetBuilds', ['builds', '[]', 'logs']),
            ['groupName', 'streamName'],
          ),
        );
        expectNoProblems('core shape', problems);
        expect(strings(s.doc, 'buildsNotFound')).toEqual([gone]);
        if (strings(m.doc, 'buildsNotFound').length === 0)
          console.info('[moto deviation] BatchGetBuilds: moto drops an unknown id silently, without buildsNotFound');
      });
    });

    describe('CodeDeploy', () => {
      it('ListApplications and ListDeploymentGroups list storefront and its groups on both', async () => {
        const [s, m] = await both('json', 'ListApplications', (c) =>
          c.codedeploy.send(new ListApplicationsCommand({})),
        );
        expectConforming('codedeploy', s, m);
        for (const r of [s, m]) expect(strings(r.doc, 'applications')).toContain(sf.deployApplication);
        const [sg, mg] = await both('json', 'ListDeploymentGroups', (c) =>
          c.codedeploy.send(new ListDeploymentGroupsCommand({ applicationName: sf.deployApplication })),
        );
        expectConforming('codedeploy', sg, mg);
        for (const r of [sg, mg]) {
          expect(r.doc?.applicationName).toBe(sf.deployApplication);
          expect(strings(r.doc, 'deploymentGroups').sort()).toEqual([sf.deploymentGroup, sf.stagingGroup]);
        }
      });

      it('ListDeploymentGroups of a missing application', async () => {
        const [s, m] = await both('json', 'ListDeploymentGroups', (c) =>
          c.codedeploy.send(new ListDeploymentGroupsCommand({ applicationName: 'no-such-application' })),
        );
        // AWS documents ApplicationDoesNotExistException here; the simulator follows it.
        expect(s.error).toMatchObject({ name: 'ApplicationDoesNotExistException', modeled: true });
        if (m.error?.name !== 'ApplicationDoesNotExistException')
          console.info(
            `[moto deviation] ListDeploymentGroups of a missing application: moto answers ${m.error ? m.error.name : JSON.stringify(m.doc)}, not ApplicationDoesNotExistException`,
          );
      });

      it('BatchGetDeployments of an unknown id: an empty deploymentsInfo on both', async () => {
        const [s, m] = await both('json', 'BatchGetDeployments', (c) =>
          c.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: ['d-ABCDEFGHI'] })),
        );
        expectConforming('codedeploy', s, m);
        expect(s.doc).toEqual({ deploymentsInfo: [] });
        expect(m.doc).toEqual({ deploymentsInfo: [] });
      });

      it('DeploymentGroupInfo: simulator BatchGetDeploymentGroups and moto GetDeploymentGroup agree', async () => {
        // Moto has GetDeploymentGroup but not BatchGetDeploymentGroups; both return a DeploymentGroupInfo.
        const s = await ask(sim, 'json', 'BatchGetDeploymentGroups', (c) =>
          c.codedeploy.send(
            new BatchGetDeploymentGroupsCommand({
              applicationName: sf.deployApplication,
              deploymentGroupNames: [sf.deploymentGroup],
            }),
          ),
        );
        const m = await ask(moto, 'json', 'GetDeploymentGroup', (c) =>
          c.codedeploy.send(
            new GetDeploymentGroupCommand({
              applicationName: sf.deployApplication,
              deploymentGroupName: sf.deploymentGroup,
            }),
          ),
        );
        expectConforming('codedeploy', s, m);
        const info = entityModel('codedeploy', 'BatchGetDeploymentGroups', ['deploymentGroupsInfo', '[]']);
        expect(info).toEqual(entityModel('codedeploy', 'GetDeploymentGroup', ['deploymentGroupInfo']));
        const problems = compareShape(
          'DeploymentGroupInfo',
          pick(entities(s.doc, 'deploymentGroupsInfo'), 'deploymentGroupName', sf.deploymentGroup),
          entity(m.doc, 'deploymentGroupInfo'),
          info,
          [
            'applicationName',
            'deploymentGroupId',
            'deploymentGroupName',
            'deploymentConfigName',
            'serviceRoleArn',
            'computePlatform',
            'deploymentStyle',
            'ec2TagFilters',
          ],
        );
        expectNoProblems('core shape', problems);
      });

      it('ListDeployments and BatchGetDeployments: a DeploymentInfo has the same core shape', async () => {
        if (motoIds.deploymentId === undefined) {
          console.info('[moto] CreateDeployment failed; ListDeployments/BatchGetDeployments not compared');
          return;
        }
        const [s, m] = await both('json', 'ListDeployments', (c) =>
          c.codedeploy.send(
            new ListDeploymentsCommand({
              applicationName: sf.deployApplication,
              deploymentGroupName: sf.deploymentGroup,
            }),
          ),
        );
        expectConforming('codedeploy', s, m);
        const [simId] = strings(s.doc, 'deployments');
        expect(strings(m.doc, 'deployments')).toEqual([motoIds.deploymentId]);
        if (simId === undefined) throw new Error('the simulator has no storefront deployment');
        const [sd, md] = await Promise.all([
          ask(sim, 'json', 'BatchGetDeployments', (c) =>
            c.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: [simId] })),
          ),
          ask(moto, 'json', 'BatchGetDeployments', (c) =>
            c.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: [motoIds.deploymentId ?? ''] })),
          ),
        ]);
        expect(sd.error).toBeUndefined();
        if (md.error)
          console.info(`[moto deviation] BatchGetDeployments: the SDK cannot read moto's answer: ${md.error.message}`);
        expectConforming('codedeploy', sd, md);
        const problems = compareShape(
          'DeploymentInfo',
          pick(entities(sd.doc, 'deploymentsInfo'), 'deploymentId', simId),
          pick(entities(md.doc, 'deploymentsInfo'), 'deploymentId', motoIds.deploymentId),
          entityModel('codedeploy', 'BatchGetDeployments', ['deploymentsInfo', '[]']),
          [
            'applicationName',
            'deploymentGroupName',
            'deploymentId',
            'status',
            'createTime',
            'creator',
            'revision',
            'deploymentOverview',
            'computePlatform',
          ],
        );
        expectNoProblems('core shape', problems);
      });

      it('ListDeployments of a missing deployment group', async () => {
        const [s, m] = await both('json', 'ListDeployments', (c) =>
          c.codedeploy.send(
            new ListDeploymentsCommand({ applicationName: sf.deployApplication, deploymentGroupName: 'no-such-group' }),
          ),
        );
        // AWS documents DeploymentGroupDoesNotExistException here; the simulator follows it.
        expect(s.error).toMatchObject({ name: 'DeploymentGroupDoesNotExistException', modeled: true });
        if (m.error?.name !== 'DeploymentGroupDoesNotExistException')
          console.info(
            `[moto deviation] ListDeployments of a missing group: moto answers ${m.error ? m.error.name : JSON.stringify(m.doc)}, not DeploymentGroupDoesNotExistException`,
          );
      });
    });

    describe('Elastic Beanstalk', () => {
      it('DescribeEnvironments: an EnvironmentDescription has the same core shape', async () => {
        const [s, m] = await both('query', 'DescribeEnvironments', (c) =>
          c.beanstalk.send(
            new DescribeEnvironmentsCommand({
              ApplicationName: pa.beanstalkApplication,
              EnvironmentNames: [pa.environment],
            }),
          ),
        );
        expectConforming('elasticbeanstalk', s, m);
        const problems = compareShape(
          'EnvironmentDescription',
          pick(entities(s.doc, 'Environments'), 'EnvironmentName', pa.environment),
          pick(entities(m.doc, 'Environments'), 'EnvironmentName', pa.environment),
          entityModel('elasticbeanstalk', 'DescribeEnvironments', ['Environments', '[]']),
          [
            'EnvironmentName',
            'EnvironmentId',
            'ApplicationName',
            'EnvironmentArn',
            'Status',
            'Health',
            'HealthStatus',
            'DateCreated',
            'DateUpdated',
            'Tier',
          ],
        );
        expectNoProblems('core shape', problems);
      });

      it('DescribeEnvironments of a missing environment', async () => {
        const [s, m] = await both('query', 'DescribeEnvironments', (c) =>
          c.beanstalk.send(new DescribeEnvironmentsCommand({ EnvironmentNames: ['no-such-environment'] })),
        );
        expectConforming('elasticbeanstalk', s, m);
        // AWS answers an empty list, not an error.
        expect(s.doc?.Environments).toEqual([]);
        const motoNames = entities(m.doc, 'Environments').map((e) => e.EnvironmentName);
        if (motoNames.length > 0)
          console.info(
            `[moto deviation] DescribeEnvironments ignores EnvironmentNames: asked for no-such-environment, got ${motoNames.join(', ')}`,
          );
      });
    });

    describe('CloudWatch Logs', () => {
      const group = `/aws/codebuild/${sf.buildProject}`;
      const simStream = async (): Promise<string> => {
        const { ids = [] } = await sim.codebuild.send(
          new ListBuildsForProjectCommand({ projectName: sf.buildProject }),
        );
        const { builds: [build] = [] } = await sim.codebuild.send(new BatchGetBuildsCommand({ ids: ids.slice(0, 1) }));
        const stream = build?.logs?.streamName;
        if (stream === undefined) throw new Error('the simulator build has no log stream');
        return stream;
      };
      const reads = ['timestamp', 'message', 'ingestionTime'];

      it('GetLogEvents: a log event has the same core shape', async () => {
        const stream = await simStream();
        const [s, m] = await Promise.all([
          ask(sim, 'json', 'GetLogEvents', (c) =>
            c.logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true })),
          ),
          ask(moto, 'json', 'GetLogEvents', (c) =>
            c.logs.send(
              new GetLogEventsCommand({ logGroupName: group, logStreamName: motoIds.logStream, startFromHead: true }),
            ),
          ),
        ]);
        expectConforming('logs', s, m);
        for (const r of [s, m]) {
          expect(entities(r.doc, 'events').length).toBeGreaterThan(0);
          expect(r.doc?.nextForwardToken).toMatch(/^f\//);
          expect(r.doc?.nextBackwardToken).toMatch(/^b\//);
        }
        const problems = compareShape(
          'OutputLogEvent',
          entities(s.doc, 'events')[0] ?? {},
          entities(m.doc, 'events')[0] ?? {},
          entityModel('logs', 'GetLogEvents', ['events', '[]']),
          reads,
        );
        expectNoProblems('core shape', problems);
      });

      it('FilterLogEvents: a filtered log event has the same core shape', async () => {
        const [s, m] = await both('json', 'FilterLogEvents', (c) =>
          c.logs.send(new FilterLogEventsCommand({ logGroupName: group, limit: 50 })),
        );
        expectConforming('logs', s, m);
        const problems = compareShape(
          'FilteredLogEvent',
          entities(s.doc, 'events')[0] ?? {},
          entities(m.doc, 'events')[0] ?? {},
          entityModel('logs', 'FilterLogEvents', ['events', '[]']),
          [...reads, 'logStreamName', 'eventId'],
        );
        expectNoProblems('core shape', problems);
        const topOnlyMoto = present(m.doc ?? {}).filter((k) => !present(s.doc ?? {}).includes(k));
        if (topOnlyMoto.length > 0)
          console.info(`[shape] FilterLogEvents output: only moto sends ${topOnlyMoto.join(', ')}`);
      });

      it('GetLogEvents of a missing log group: ResourceNotFoundException on both', async () => {
        const [s, m] = await both('json', 'GetLogEvents', (c) =>
          c.logs.send(new GetLogEventsCommand({ logGroupName: '/aws/codebuild/no-such-project', logStreamName: 'x' })),
        );
        expect(s.error).toMatchObject({ name: 'ResourceNotFoundException', modeled: true });
        expect(m.error).toMatchObject({ name: 'ResourceNotFoundException', modeled: true });
      });
    });

    describe('CodePipeline', () => {
      it('ListPipelines: a PipelineSummary has the same core shape', async () => {
        const [s, m] = await both('json', 'ListPipelines', (c) => c.codepipeline.send(new ListPipelinesCommand({})));
        expectConforming('codepipeline', s, m);
        const problems = compareShape(
          'PipelineSummary',
          pick(entities(s.doc, 'pipelines'), 'name', sf.pipeline),
          pick(entities(m.doc, 'pipelines'), 'name', sf.pipeline),
          entityModel('codepipeline', 'ListPipelines', ['pipelines', '[]']),
          ['name', 'version', 'created', 'updated'],
        );
        expectNoProblems('core shape', problems);
      });

      it('GetPipeline: the declaration, its stages and actions have the same core shape', async () => {
        const [s, m] = await both('json', 'GetPipeline', (c) =>
          c.codepipeline.send(new GetPipelineCommand({ name: sf.pipeline })),
        );
        expectConforming('codepipeline', s, m);
        const simPipeline = entity(s.doc, 'pipeline');
        const motoPipeline = entity(m.doc, 'pipeline');
        const problems = compareShape(
          'PipelineDeclaration',
          simPipeline,
          motoPipeline,
          entityModel('codepipeline', 'GetPipeline', ['pipeline']),
          ['name', 'roleArn', 'stages', 'version'],
        );
        problems.push(
          ...compareShape(
            'PipelineMetadata',
            entity(s.doc, 'metadata'),
            entity(m.doc, 'metadata'),
            entityModel('codepipeline', 'GetPipeline', ['metadata']),
            ['pipelineArn', 'created', 'updated'],
          ),
        );
        const simStages = entities(simPipeline, 'stages');
        const motoStages = entities(motoPipeline, 'stages');
        expect(motoStages.map((x) => x.name)).toEqual(simStages.map((x) => x.name));
        const stageModel = entityModel('codepipeline', 'GetPipeline', ['pipeline', 'stages', '[]']);
        const actionModel = entityModel('codepipeline', 'GetPipeline', ['pipeline', 'stages', '[]', 'actions', '[]']);
        const typeModel = entityModel('codepipeline', 'GetPipeline', [
          'pipeline',
          'stages',
          '[]',
          'actions',
          '[]',
          'actionTypeId',
        ]);
        simStages.forEach((stage, i) => {
          const other = motoStages[i] ?? {};
          problems.push(...compareShape(`stages[${i}]`, stage, other, stageModel, ['name', 'actions']));
          const simActions = entities(stage, 'actions');
          const motoActions = entities(other, 'actions');
          expect(motoActions.map((a) => a.name)).toEqual(simActions.map((a) => a.name));
          simActions.forEach((action, j) => {
            const label = `stages[${i}].actions[${j}]`;
            const twin = motoActions[j] ?? {};
            problems.push(
              ...compareShape(label, action, twin, actionModel, ['name', 'actionTypeId', 'runOrder', 'configuration']),
              ...compareShape(
                `${label}.actionTypeId`,
                entity(action, 'actionTypeId'),
                entity(twin, 'actionTypeId'),
                typeModel,
                ['category', 'owner', 'provider', 'version'],
              ),
            );
            expect(twin.actionTypeId).toEqual(action.actionTypeId);
          });
        });
        expectNoProblems('core shape', problems);
      });

      it('GetPipeline of a missing pipeline: PipelineNotFoundException on both', async () => {
        const [s, m] = await both('json', 'GetPipeline', (c) =>
          c.codepipeline.send(new GetPipelineCommand({ name: 'no-such-pipeline' })),
        );
        expect(s.error).toMatchObject({ name: 'PipelineNotFoundException', modeled: true });
        expect(m.error).toMatchObject({ name: 'PipelineNotFoundException', modeled: true });
      });
    });

    describe('CodeCommit', () => {
      it('RepositoryMetadata: simulator BatchGetRepositories and moto GetRepository agree', async () => {
        // Moto has GetRepository but not BatchGetRepositories; both return RepositoryMetadata.
        const s = await ask(sim, 'json', 'BatchGetRepositories', (c) =>
          c.codecommit.send(new BatchGetRepositoriesCommand({ repositoryNames: [pa.repository] })),
        );
        const m = await ask(moto, 'json', 'GetRepository', (c) =>
          c.codecommit.send(new GetRepositoryCommand({ repositoryName: pa.repository })),
        );
        expect(s.error).toBeUndefined();
        if (m.error)
          console.info(`[moto deviation] GetRepository: the SDK cannot read moto's answer: ${m.error.message}`);
        expectConforming('codecommit', s, m);
        const metadata = entityModel('codecommit', 'BatchGetRepositories', ['repositories', '[]']);
        expect(metadata).toEqual(entityModel('codecommit', 'GetRepository', ['repositoryMetadata']));
        const problems = compareShape(
          'RepositoryMetadata',
          pick(entities(s.doc, 'repositories'), 'repositoryName', pa.repository),
          entity(m.doc, 'repositoryMetadata'),
          metadata,
          [
            'repositoryName',
            'repositoryId',
            'Arn',
            'accountId',
            'repositoryDescription',
            'creationDate',
            'lastModifiedDate',
            'cloneUrlHttp',
          ],
        );
        expectNoProblems('core shape', problems);
      });
    });
  },
);
