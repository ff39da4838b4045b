// The typed client every page uses: `api.call('street.get')` resolves to the contract's result type or
// throws an ApiCallError carrying the stable error. Lock and logout errors are also reported globally.
import type { ApiEvent, ApiOutputs, ApiInput, Method } from '../../../shared/api/contract';
import type { ErrorCode } from '../../../shared/result';
import { ApiCallError } from './call-error';
import { transport, TransportError } from './transport';

export { ApiCallError, isApiError } from './call-error';

/** Codes the application shell handles for every call (lock screen, back to login). */
const GLOBAL_CODES: ReadonlySet<ErrorCode> = new Set(['SESSION_LOCKED', 'UNAUTHENTICATED']);
/** Calls whose own page answers these codes (a failed unlock must not bounce the lock screen). */
const SELF_HANDLED: ReadonlySet<Method> = new Set(['auth.session', 'auth.login', 'auth.unlock', 'setup.initialize', 'app.status']);

type GlobalErrorHandler = (error: ApiCallError) => void;
let globalHandler: GlobalErrorHandler | null = null;

export function setGlobalErrorHandler(handler: GlobalErrorHandler | null): void {
  globalHandler = handler;
}

/** True for errors the shell already showed (lock screen, login page): pages should stay quiet. */
export function isHandledGlobally(error: unknown): boolean {
  return error instanceof ApiCallError && GLOBAL_CODES.has(error.code) && !SELF_HANDLED.has(error.method);
}

type InputArgs<M extends Method> = Record<never, never> extends ApiInput<M> ? [input?: ApiInput<M>] : [input: ApiInput<M>];

async function call<M extends Method>(method: M, ...args: InputArgs<M>): Promise<ApiOutputs[M]> {
  const input = args[0] ?? {};
  let result;
  try {
    result = await transport().invoke(method, input);
  } catch (cause) {
    const message = cause instanceof TransportError ? cause.message : String(cause);
    throw new ApiCallError(method, { code: 'INTERNAL', message, details: { ref: 'NETWORK' } }, true);
  }
  if (result.ok) return result.value as ApiOutputs[M];
  const failure = new ApiCallError(method, result.error);
  if (isHandledGlobally(failure)) globalHandler?.(failure);
  throw failure;
}

function onEvent(listener: (event: ApiEvent) => void): () => void {
  return transport().onEvent(listener);
}

export const api = {
  call,
  onEvent,
  reconnectEvents: () => transport().reconnectEvents(),
};
