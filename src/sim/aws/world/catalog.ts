// The slow-moving parts of an account: CodeArtifact packages and CodeGuru
// Reviewer associations, code reviews and recommendations.
export interface ArtifactRepository {
  domain: string;
  name: string;
  description: string;
  created: number;
  packages: ArtifactPackage[];
}

export interface ArtifactPackage {
  format: 'npm' | 'pypi' | 'maven' | 'nuget' | 'generic';
  namespace?: string;
  name: string;
  versions: { version: string; revision: string; status: 'Published' | 'Unlisted' | 'Archived' }[];
}

export interface ReviewerAssociation {
  id: string;
  name: string;
  owner: string;
  providerType: 'CodeCommit' | 'GitHub' | 'Bitbucket' | 'GitHubEnterpriseServer' | 'S3Bucket';
  state: 'Associated' | 'Associating' | 'Failed' | 'Disassociating' | 'Disassociated';
  updated: number;
}

export interface Recommendation {
  id: string;
  filePath: string;
  startLine: number;
  endLine: number;
  description: string;
  category: string;
  severity: 'Info' | 'Low' | 'Medium' | 'High' | 'Critical';
  ruleId: string;
  ruleName: string;
}

export interface CodeReview {
  arn: string;
  name: string;
  associationId: string;
  repositoryName: string;
  owner: string;
  providerType: ReviewerAssociation['providerType'];
  type: 'PullRequest' | 'RepositoryAnalysis';
  state: 'Completed' | 'Pending' | 'Failed' | 'Deleting';
  branch: string;
  commitId: string;
  created: number;
  updated: number;
  meteredLines: number;
  recommendations: Recommendation[];
}

export class Catalog {
  readonly artifactRepositories: ArtifactRepository[] = [];
  readonly associations: ReviewerAssociation[] = [];
  readonly codeReviews: CodeReview[] = [];
}
