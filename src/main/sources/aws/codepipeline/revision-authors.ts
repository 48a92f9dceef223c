// Who wrote the commit an execution ran. CodePipeline's revisions carry no
// author, so CodeCommit sources ask CodeCommit: one BatchGetCommits per
// repository and 100 commits not seen before. A commit never changes, so
// each is asked about once. Connections (GitHub, Bitbucket…) stay without an
// author: their revisionSummary JSON has only ProviderType and CommitMessage.
import { BatchGetCommitsCommand, type CodeCommitClient } from '@aws-sdk/client-codecommit';
import type { PipelineDefinition, SourceRevision } from '../../../../shared/pipelines';
import type { Person } from '../../../../shared/repositories';
import { chunks, mapLimit } from '../batching';

const cacheSize = 2000;
const concurrency = 4;

export class RevisionAuthors {
  /** "repository@commit" → its author, or null for a commit CodeCommit does not have. */
  readonly #known = new Map<string, Person | null>();

  constructor(private readonly client: CodeCommitClient | undefined) {}

  /**
   * The same revision lists with authors added where the source is CodeCommit.
   * The definition says which source action reads which repository; without
   * it (or without a CodeCommit client) nothing is asked and nothing added.
   */
  async addTo(
    lists: readonly SourceRevision[][],
    definition: PipelineDefinition | undefined,
  ): Promise<SourceRevision[][]> {
    const repositories = codeCommitRepositories(definition);
    if (!this.client || repositories.size === 0) return [...lists];
    const wanted = new Map<string, Set<string>>();
    for (const revision of lists.flat()) {
      const repository = repositories.get(revision.actionName);
      const commit = revision.revisionId;
      if (repository === undefined || commit === undefined || this.#known.has(key(repository, commit))) continue;
      wanted.set(repository, (wanted.get(repository) ?? new Set()).add(commit));
    }
    const batches = [...wanted].flatMap(([repository, commits]) =>
      chunks([...commits]).map((commitIds) => ({ repository, commitIds })),
    );
    await mapLimit(batches, concurrency, (batch) => this.#read(batch.repository, batch.commitIds));
    return lists.map((list) =>
      list.map((revision) => {
        const repository = repositories.get(revision.actionName);
        const author =
          repository === undefined || revision.revisionId === undefined
            ? undefined
            : this.#known.get(key(repository, revision.revisionId));
        return author ? { ...revision, author } : revision;
      }),
    );
  }

  async #read(repositoryName: string, commitIds: string[]): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const out = await client.send(new BatchGetCommitsCommand({ repositoryName, commitIds }));
      for (const c of out.commits ?? []) {
        if (c.commitId === undefined) continue;
        const name = c.author?.name;
        this.#remember(key(repositoryName, c.commitId), name ? { name, email: c.author?.email ?? '' } : null);
      }
      for (const e of out.errors ?? []) if (e.commitId) this.#remember(key(repositoryName, e.commitId), null);
    } catch {
      // The author is a detail of the history, not worth failing it for: without
      // codecommit:BatchGetCommits (or when the call fails) the history shows
      // none, and the next read asks again.
    }
  }

  #remember(k: string, author: Person | null): void {
    this.#known.set(k, author);
    // A Map iterates in insertion order: the first key is the oldest.
    if (this.#known.size > cacheSize) {
      const oldest = this.#known.keys().next().value;
      if (oldest !== undefined) this.#known.delete(oldest);
    }
  }
}

const key = (repository: string, commit: string): string => `${repository}@${commit}`;

/** Source action name → the CodeCommit repository it reads. */
function codeCommitRepositories(definition: PipelineDefinition | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const stage of definition?.stages ?? []) {
    for (const action of stage.actions) {
      const repository = action.configuration.RepositoryName;
      if (action.provider === 'CodeCommit' && repository) out.set(action.name, repository);
    }
  }
  return out;
}
