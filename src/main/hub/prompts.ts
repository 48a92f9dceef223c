// Questions main needs the user to answer (an MFA code), asked through the
// contract so the main process never blocks: `ask` returns a promise that the
// `prompts.answer` command settles, and cancelling settles it with null.
import { randomUUID } from 'node:crypto';
import type { PromptRequest } from '../../shared/aws-accounts';

type Question = Omit<PromptRequest, 'promptId'>;

export class PromptBroker {
  readonly #open = new Map<string, { request: PromptRequest; settle: (answer: string | null) => void }>();

  constructor(
    private readonly onChange: (pending: PromptRequest[]) => void,
    private readonly newId: () => string = randomUUID,
  ) {}

  pending(): PromptRequest[] {
    return [...this.#open.values()].map((entry) => entry.request);
  }

  /** Resolves with the answer, or null when the user cancels or `signal` aborts. */
  ask(question: Question, signal?: AbortSignal): Promise<string | null> {
    const promptId = this.newId();
    const request: PromptRequest = { ...question, promptId };
    return new Promise((resolve) => {
      const settle = (answer: string | null): void => {
        if (!this.#open.delete(promptId)) return;
        signal?.removeEventListener('abort', onAbort);
        this.onChange(this.pending());
        resolve(answer);
      };
      const onAbort = (): void => settle(null);
      if (signal?.aborted) {
        resolve(null);
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#open.set(promptId, { request, settle });
      this.onChange(this.pending());
    });
  }

  /** False when the prompt is gone (answered elsewhere, cancelled, or never asked). */
  answer(promptId: string, answer: string | null): boolean {
    const entry = this.#open.get(promptId);
    if (!entry) return false;
    entry.settle(answer);
    return true;
  }
}
