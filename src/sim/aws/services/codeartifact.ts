// CodeArtifact over REST-JSON: list operations are POSTs whose members
// travel in the query string.
import { AwsError, optionalString } from '../errors';
import { paginate } from '../pagination';
import type { Input, RestService } from '../service';
import type { World } from '../world';
import type { ArtifactRepository } from '../world/catalog';
import { date, pageRequest, required } from './wire';

const invalidToken = (): AwsError => new AwsError('ValidationException', 'The next token is not valid.');
const page = { defaultSize: 100, maxSize: 1000, invalidToken };
const q = (member: string, number = false) => ({ member, ...(number ? { number } : {}) });

export function codeArtifactService(world: World): RestService {
  const repos = world.catalog.artifactRepositories;
  const repository = (input: Input): ArtifactRepository => {
    const domain = required(input, 'domain');
    const name = required(input, 'repository');
    const repo = repos.find((r) => r.domain === domain && r.name === name);
    if (!repo)
      throw new AwsError('ResourceNotFoundException', `Repository ${name} in domain ${domain} does not exist.`, 404);
    return repo;
  };
  const arn = (r: ArtifactRepository): string =>
    `arn:aws:codeartifact:${world.region}:${world.account}:repository/${r.domain}/${r.name}`;
  const paging = { 'max-results': q('maxResults', true), 'next-token': q('nextToken') };

  return {
    name: 'codeartifact',
    protocol: 'rest-json',
    invalidTokenCode: 'ValidationException',
    routes: [
      {
        method: 'POST',
        path: /^\/v1\/repositories$/,
        operation: 'ListRepositories',
        query: { 'repository-prefix': q('repositoryPrefix'), ...paging },
      },
      {
        method: 'POST',
        path: /^\/v1\/packages$/,
        operation: 'ListPackages',
        query: {
          domain: q('domain'),
          'domain-owner': q('domainOwner'),
          repository: q('repository'),
          format: q('format'),
          namespace: q('namespace'),
          'package-prefix': q('packagePrefix'),
          ...paging,
        },
      },
      {
        method: 'POST',
        path: /^\/v1\/package\/versions$/,
        operation: 'ListPackageVersions',
        query: {
          domain: q('domain'),
          'domain-owner': q('domainOwner'),
          repository: q('repository'),
          format: q('format'),
          namespace: q('namespace'),
          package: q('package'),
          status: q('status'),
          sortBy: q('sortBy'),
          ...paging,
        },
      },
    ],
    operations: {
      ListRepositories: (input) => {
        const prefix = optionalString(input.repositoryPrefix) ?? '';
        const all = repos.filter((r) => r.name.startsWith(prefix));
        const p = paginate(all, pageRequest(input), {
          scope: `ListRepositories/${prefix}`,
          key: (r) => `${r.domain}/${r.name}`,
          ...page,
        });
        return {
          repositories: p.items.map((r) => ({
            name: r.name,
            administratorAccount: world.account,
            domainName: r.domain,
            domainOwner: world.account,
            arn: arn(r),
            description: r.description,
            createdTime: date(r.created),
          })),
          nextToken: p.nextToken,
        };
      },
      ListPackages: (input, context) => {
        const repo = repository(input);
        context.authorize(arn(repo));
        const format = optionalString(input.format);
        const prefix = optionalString(input.packagePrefix) ?? '';
        const all = repo.packages.filter(
          (pk) => (format === undefined || pk.format === format) && pk.name.startsWith(prefix),
        );
        const p = paginate(all, pageRequest(input), {
          scope: `ListPackages/${repo.name}/${format ?? ''}/${prefix}`,
          key: (pk) => `${pk.namespace ?? ''}/${pk.name}`,
          ...page,
        });
        return {
          packages: p.items.map((pk) => ({
            format: pk.format,
            ...(pk.namespace !== undefined ? { namespace: pk.namespace } : {}),
            package: pk.name,
            originConfiguration: { restrictions: { publish: 'ALLOW', upstream: 'BLOCK' } },
          })),
          nextToken: p.nextToken,
        };
      },
      ListPackageVersions: (input, context) => {
        const repo = repository(input);
        context.authorize(arn(repo));
        const format = required(input, 'format');
        const name = required(input, 'package');
        const namespace = optionalString(input.namespace);
        const pkg = repo.packages.find((pk) => pk.format === format && pk.name === name && pk.namespace === namespace);
        if (!pkg) throw new AwsError('ResourceNotFoundException', `Package ${name} does not exist.`, 404);
        const status = optionalString(input.status);
        const versions = pkg.versions.filter((v) => status === undefined || v.status === status).reverse();
        const p = paginate(versions, pageRequest(input), {
          scope: `ListPackageVersions/${repo.name}/${name}/${status ?? ''}`,
          key: (v) => v.version,
          ...page,
        });
        return {
          defaultDisplayVersion: pkg.versions.at(-1)?.version,
          format: pkg.format,
          ...(pkg.namespace !== undefined ? { namespace: pkg.namespace } : {}),
          package: pkg.name,
          versions: p.items.map((v) => ({
            version: v.version,
            revision: v.revision,
            status: v.status,
            origin: { domainEntryPoint: { repositoryName: repo.name }, originType: 'INTERNAL' },
          })),
          nextToken: p.nextToken,
        };
      },
    },
  };
}
