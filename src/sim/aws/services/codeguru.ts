// CodeGuru Reviewer over REST-JSON (GET routes, query-string members).
import { AwsError, optionalString, stringList } from '../errors';
import { paginate } from '../pagination';
import type { RestService } from '../service';
import type { World } from '../world';
import type { ReviewerAssociation } from '../world/catalog';
import { date, pageRequest } from './wire';

const invalidToken = (): AwsError => new AwsError('ValidationException', 'The next token is not valid.');
const paging = { MaxResults: { member: 'MaxResults', number: true }, NextToken: { member: 'NextToken' } };

export function codeGuruReviewerService(world: World): RestService {
  const { associations, codeReviews } = world.catalog;
  const associationArn = (a: ReviewerAssociation): string =>
    `arn:aws:codeguru-reviewer:${world.region}:${world.account}:association:${a.id}`;
  const page = (input: Record<string, unknown>) => pageRequest(input, 'NextToken', 'MaxResults');

  return {
    name: 'codeguru-reviewer',
    protocol: 'rest-json',
    invalidTokenCode: 'ValidationException',
    routes: [
      {
        method: 'GET',
        path: /^\/associations$/,
        operation: 'ListRepositoryAssociations',
        query: {
          ProviderType: { member: 'ProviderTypes', list: true },
          State: { member: 'States', list: true },
          Name: { member: 'Names', list: true },
          Owner: { member: 'Owners', list: true },
          ...paging,
        },
      },
      {
        method: 'GET',
        path: /^\/codereviews$/,
        operation: 'ListCodeReviews',
        query: {
          ProviderTypes: { member: 'ProviderTypes', list: true },
          States: { member: 'States', list: true },
          RepositoryNames: { member: 'RepositoryNames', list: true },
          Type: { member: 'Type' },
          ...paging,
        },
      },
      {
        method: 'GET',
        path: /^\/codereviews\/(?<CodeReviewArn>[^/]+)\/Recommendations$/,
        operation: 'ListRecommendations',
        query: paging,
      },
    ],
    operations: {
      ListRepositoryAssociations: (input) => {
        const [types, states, names, owners] = ['ProviderTypes', 'States', 'Names', 'Owners'].map((m) =>
          stringList(m, input[m]),
        );
        const all = associations.filter(
          (a) =>
            (!types?.length || types.includes(a.providerType)) &&
            (!states?.length || states.includes(a.state)) &&
            (!names?.length || names.includes(a.name)) &&
            (!owners?.length || owners.includes(a.owner)),
        );
        const p = paginate(all, page(input), {
          scope: 'ListRepositoryAssociations',
          key: (a) => a.id,
          defaultSize: 100,
          maxSize: 100,
          invalidToken,
        });
        return {
          RepositoryAssociationSummaries: p.items.map((a) => ({
            AssociationArn: associationArn(a),
            LastUpdatedTimeStamp: date(a.updated),
            AssociationId: a.id,
            Name: a.name,
            Owner: a.owner,
            ProviderType: a.providerType,
            State: a.state,
          })),
          NextToken: p.nextToken,
        };
      },
      ListCodeReviews: (input) => {
        const type = optionalString(input.Type);
        if (type !== 'PullRequest' && type !== 'RepositoryAnalysis')
          throw new AwsError(
            'ValidationException',
            "1 validation error detected: Value at 'type' failed to satisfy constraint: Member must satisfy enum value set: [PullRequest, RepositoryAnalysis]",
          );
        const repos = stringList('RepositoryNames', input.RepositoryNames);
        const states = stringList('States', input.States);
        const all = codeReviews.filter(
          (r) =>
            r.type === type &&
            (repos.length === 0 || repos.includes(r.repositoryName)) &&
            (states.length === 0 || states.includes(r.state)),
        );
        const p = paginate(all, page(input), {
          scope: `ListCodeReviews/${type}`,
          key: (r) => r.arn,
          defaultSize: 100,
          maxSize: 100,
          invalidToken,
        });
        return {
          CodeReviewSummaries: p.items.map((r) => ({
            Name: r.name,
            CodeReviewArn: r.arn,
            RepositoryName: r.repositoryName,
            Owner: r.owner,
            ProviderType: r.providerType,
            State: r.state,
            CreatedTimeStamp: date(r.created),
            LastUpdatedTimeStamp: date(r.updated),
            Type: r.type,
            MetricsSummary: {
              MeteredLinesOfCodeCount: r.meteredLines,
              SuppressedLinesOfCodeCount: 0,
              FindingsCount: r.recommendations.length,
            },
            SourceCodeType: { RepositoryHead: { BranchName: r.branch } },
          })),
          NextToken: p.nextToken,
        };
      },
      ListRecommendations: (input) => {
        const arn = optionalString(input.CodeReviewArn);
        const review = codeReviews.find((r) => r.arn === arn);
        if (!review) throw new AwsError('ResourceNotFoundException', `Code review ${arn ?? ''} not found.`, 404);
        const p = paginate(review.recommendations, page(input), {
          scope: `ListRecommendations/${review.arn}`,
          key: (r) => r.id,
          defaultSize: 100,
          maxSize: 300,
          invalidToken,
        });
        return {
          RecommendationSummaries: p.items.map((r) => ({
            FilePath: r.filePath,
            RecommendationId: r.id,
            StartLine: r.startLine,
            EndLine: r.endLine,
            Description: r.description,
            RecommendationCategory: r.category,
            RuleMetadata: {
              RuleId: r.ruleId,
              RuleName: r.ruleName,
              ShortDescription: r.description.split('.')[0],
              RuleTags: ['security'],
            },
            Severity: r.severity,
          })),
          NextToken: p.nextToken,
        };
      },
    },
  };
}
