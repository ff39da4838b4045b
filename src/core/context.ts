// What a handler gets for one call: the database, the caller, the clock, transactions that audit, and
// progress/cancel for long jobs. Handlers are plain functions of (ctx, input).
import type { Db } from './db/connection';
import type { ApiEvent, ApiOutputs, ApiParsedInput, Method } from '../shared/api/contract';
import type { Language } from '../shared/api/schemas';
import type { User } from './db/schema';
import type { AuditActor, AuditRecord } from './services/audit';
import type { Scope } from './scope';

export interface Session {
  token: string;
  userId: number;
  lastActivity: number;
  locked: boolean;
}

export interface CallContext {
  readonly db: Db;
  readonly dbPath: string;
  readonly appVersion: string;
  readonly method: Method;
  readonly session: Session | null;
  /** The logged-in user, fresh from the database for this call. */
  readonly user: User | null;
  /** The community the user is limited to, resolved once for the call; null for the whole street (admins, cli). */
  readonly scope: Scope | null;
  readonly lang: Language;
  /** Who the history and audit name: the user, or the local tool (cli) acting on its own. */
  readonly actorName: string;
  readonly jobId: string;
  readonly signal: AbortSignal;
  now(): Date;
  /** Runs `fn` in one transaction; audit entries written inside commit with the change or not at all. */
  tx<T>(fn: () => T): T;
  /** Records an audit entry (inside tx). The actor defaults to the caller. */
  audit(record: AuditRecord, actor?: AuditActor): void;
  progress(done: number, total: number): void;
  emit(event: ApiEvent, token: string | null): void;
  sessions: SessionStore;
  /** Swaps the open database (restore); the callback gets the path while nothing holds it open. */
  replaceDatabase(withFileClosed: () => void): void;
}

export interface SessionStore {
  open(userId: number): Session;
  get(token: string): Session | undefined;
  end(token: string): void;
  endAll(): void;
  endForUser(userId: number, reason: 'account-locked' | 'logged-out'): void;
}

export type Handler<M extends Method> = (ctx: CallContext, input: ApiParsedInput<M>) => ApiOutputs[M] | Promise<ApiOutputs[M]>;

export type Handlers = { [M in Method]: Handler<M> };
