// GitHub tokens from the environment, read the way the GitHub CLI reads them:
// GH_TOKEN before GITHUB_TOKEN, and for a GitHub Enterprise Server host the
// *_ENTERPRISE_TOKEN variables first. Only names ever leave this module.
import { githubTokenTextSchema } from '../../../shared/github-accounts';

type Env = Readonly<Record<string, string | undefined>>;

const dotComVariables = ['GH_TOKEN', 'GITHUB_TOKEN'] as const;
const enterpriseVariables = ['GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', ...dotComVariables] as const;

/** The variables a token for this host is looked up in, in order. */
export function tokenVariablesFor(enterprise: boolean): readonly string[] {
  return enterprise ? enterpriseVariables : dotComVariables;
}

/** The first variable set to a well-formed token (an empty one counts as unset). */
export function environmentToken(env: Env, enterprise: boolean): { token: string; variable: string } | undefined {
  for (const variable of tokenVariablesFor(enterprise)) {
    const parsed = githubTokenTextSchema.safeParse(env[variable] ?? '');
    if (parsed.success) return { token: parsed.data, variable };
  }
  return undefined;
}

/** Which token variables hold something, by name, for the add form. */
export function tokenVariablesSet(env: Env): string[] {
  return enterpriseVariables.filter((variable) => githubTokenTextSchema.safeParse(env[variable] ?? '').success);
}
