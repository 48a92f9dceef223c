// GitHub's error responses: `{ message, documentation_url, status }` with the
// HTTP status, plus `errors` on some validation failures.
export const restDocs = 'https://docs.github.com/rest';

export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl: string = restDocs,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): { message: string; documentation_url: string; status: string } {
    return { message: this.message, documentation_url: this.documentationUrl, status: String(this.status) };
  }
}

export const notFound = (): GitHubError => new GitHubError(404, 'Not Found');

export const badCredentials = (): GitHubError => new GitHubError(401, 'Bad credentials', restDocs);

export const requiresAuthentication = (): GitHubError =>
  new GitHubError(401, 'Requires authentication', `${restDocs}/users/users#get-the-authenticated-user`);

/** GitHub's answer when a fine-grained token lacks a permission. */
export const notAccessibleByToken = (documentationUrl = restDocs): GitHubError =>
  new GitHubError(403, 'Resource not accessible by personal access token', documentationUrl);

/** A request body that fails GitHub's JSON-schema validation: "Invalid request.\n\n<reason>". */
export const invalidRequest = (reason: string, documentationUrl: string): GitHubError =>
  new GitHubError(422, `Invalid request.\n\n${reason}`, documentationUrl);
