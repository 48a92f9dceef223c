// Bounds credential resolution in time (RELIABILITY A07: a credential_process
// that hangs must not hang an account forever). The clock stops while the
// user is being asked something (an MFA code): people are allowed to be slow.
import { CredentialsError } from './errors';

export interface Deadline {
  /** Stops the clock until the returned function is called. */
  pause(): () => void;
}

/** Runs `work` with a deadline of `timeoutMs` running time; rejects with a 'timeout' CredentialsError naming `what`. */
export function withDeadline<T>(
  timeoutMs: number,
  what: string,
  profile: string | null,
  work: (deadline: Deadline) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let remaining = timeoutMs;
    let startedAt = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      startedAt = Date.now();
      timer = setTimeout(() => {
        reject(new CredentialsError('timeout', `${what} took longer than ${Math.round(timeoutMs / 1000)} s.`, profile));
      }, remaining);
    };
    const deadline: Deadline = {
      pause: () => {
        clearTimeout(timer);
        remaining = Math.max(0, remaining - (Date.now() - startedAt));
        return arm;
      },
    };
    arm();
    work(deadline).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
