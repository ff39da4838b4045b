// The envelope every contract call answers with, and the stable error codes behind it.
// Codes never change meaning; the UI and the CLI turn them into zh-CN / en text (see shared/i18n).

export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'STALE_RECORD',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'TOO_MANY_ATTEMPTS',
  'WRONG_PASSWORD',
  'USERNAME_TAKEN',
  'LAST_ADMIN',
  'NOT_A_STREETDESK_DB',
  'DB_FROM_NEWER_VERSION',
  'DB_CORRUPT',
  'NOT_ON_POSTGRES',
  'PG_UNREACHABLE',
  'STREET_NOT_ON_POSTGRES',
  'BACKUP_INVALID',
  'CANCELLED',
  'BUSY',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field: `field` is the dotted path in the method's input. */
export interface FieldIssue {
  field: string;
  /** A key of `fieldProblems` in shared/i18n (required, tooLong, divisionCodeDigits, ...). */
  problem: string;
  value?: unknown;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: {
    issues?: FieldIssue[];
    [key: string]: unknown;
  };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Thrown inside core; the dispatcher turns it into the `{ ok: false }` envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiError['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
