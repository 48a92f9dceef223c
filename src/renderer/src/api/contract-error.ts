// A failed contract call as an Error, so TanStack Query's error state keeps
// the typed code and the UI can act on it.
import type { ContractError, Result } from '../../../shared/result';

export class ContractFailure extends Error {
  constructor(readonly detail: ContractError) {
    super(detail.message);
    this.name = 'ContractFailure';
  }
}

export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new ContractFailure(settled.error);
  return settled.value;
}
