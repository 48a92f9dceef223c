// What a refused AWS command says to the user, the same way for every
// command the window sends (stop a build, retry a stage, stop a deployment):
// what happened, that nothing was changed, and what the user can do.
import type { ContractError } from '../../../shared/result';

export interface ActionWords {
  /** The IAM action the command needs, named when access is denied and AWS did not name it. */
  iamAction: string;
  /** What did not happen: "Nothing was stopped." */
  nothing: string;
  /** The provider's refusal in other cases: "CodeBuild did not stop the build". */
  refused: string;
}

export function actionErrorText(error: ContractError, words: ActionWords): string {
  switch (error.code) {
    case 'access-denied':
      return `Access denied: your AWS identity lacks the IAM permission ${error.missingPermission ?? words.iamAction}. ${words.nothing}`;
    case 'offline':
      return `AWS cannot be reached right now. ${words.nothing} Try again when the network is back.`;
    case 'credentials-expired':
      return 'The AWS sign-in for this account has expired. Sign in again on the Accounts page, then try again.';
    case 'throttled':
      return `AWS is slowing Starboard down. ${words.nothing} Try again in a moment.`;
    case 'not-found':
    case 'conflict':
    case 'invalid-input':
      return error.message;
    default:
      return `${words.refused}: ${error.message}`;
  }
}

/** Whether sending again could help: not for something gone, or in another state now. */
export const canTryAgain = (error: ContractError | undefined): boolean =>
  error?.code !== 'not-found' && error?.code !== 'conflict';
