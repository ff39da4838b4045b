// The error every failed call throws, apart from the transport so that logic using it (members grid
// editing) runs and is tested without a window.
import type { Method } from '../../../shared/api/contract';
import type { ApiError, ErrorCode } from '../../../shared/result';

export class ApiCallError extends Error {
  constructor(
    readonly method: Method,
    readonly error: ApiError,
    /** True when the application could not be reached at all. */
    readonly unreachable = false,
  ) {
    super(`${method}: ${error.code} ${error.message}`);
    this.name = 'ApiCallError';
  }

  get code(): ErrorCode {
    return this.error.code;
  }
}

export function isApiError(value: unknown, code?: ErrorCode): value is ApiCallError {
  return value instanceof ApiCallError && (code === undefined || value.error.code === code);
}
