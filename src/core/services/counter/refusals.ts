// Refusals of the counter's services: field issues with problem keys of shared/i18n, thrown as VALIDATION.
import { AppError, type FieldIssue } from '../../../shared/result';

export type Params = Record<string, string | number>;

export const issue = (field: string, problem: string, value?: unknown, params?: Params): FieldIssue => ({
  field,
  problem,
  ...(value !== undefined ? { value } : {}),
  ...(params ? { params } : {}),
});

export function refused(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', issues.map((i) => `${i.field}: ${i.problem}`).join('; '), { issues });
}

export const refuse = (field: string, problem: string, value?: unknown, params?: Params): AppError => refused([issue(field, problem, value, params)]);

export function notFound(entity: string, id: number): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} not found`, { entity, id });
}

/** An optional version the caller read: a record changed since is refused as stale. */
export function assertVersion(entity: string, id: number, stored: number, given: number | undefined): void {
  if (given !== undefined && given !== stored) throw new AppError('STALE_RECORD', `${entity} ${id} changed (version ${stored}, given ${given})`, { entity, id });
}
