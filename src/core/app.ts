// The application behind the contract: validates every call, checks the session and role, runs the
// handler and answers with the envelope. Electron (through the worker), the browser host, the CLI (logged
// in as a user through `loginForCli`) and the tests all drive this same object.
import fs from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { contract, isMethod, ROLE_RANK, type ApiEvent, type ApiOutputs, type Method } from '../shared/api/contract';
import type { ApiInput } from '../shared/api/contract';
import type { Language } from '../shared/api/schemas';
import { safeParseInput } from '../shared/api/validate';
import { formatError } from '../shared/i18n/messages';
import { AppError, type Result } from '../shared/result';
import type { CallContext, Handlers, Session, SessionStore } from './context';
import { openDatabase, openPgDatabase, schemaVersion } from './db/open';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { isPostgres, sqliteOnly, totalChanges, type Db } from './db/connection';
import { first, qb } from './db/query';
import type { User } from './db/schema';
import { findUserByName } from './services/users';
import { adminHandlers } from './handlers/admin';
import { authHandlers } from './handlers/auth';
import { memberHandlers } from './handlers/members';
import { organizationHandlers } from './handlers/organizations';
import { recordHandlers } from './handlers/records';
import { transferHandlers } from './handlers/transfers';
import { counterRequestHandlers } from './handlers/counter-requests';
import { counterResourceHandlers } from './handlers/counter-resources';
import { printHandlers } from './handlers/print';
import { exchangeHandlers } from './handlers/exchange';
import { cityHandlers } from './handlers/city';
import { returnHandlers } from './handlers/returns';
import { demoHandlers } from './handlers/demo';
import { lifeHandlers } from './handlers/life';
import { duesHandlers } from './handlers/dues';
import { developHandlers } from './handlers/develop';
import { govHandlers } from './handlers/gov';
import { overviewHandlers } from './handlers/overview';
import { attachmentHandlers } from './handlers/attachments';
import { serverHandlers } from './handlers/server';
import { appendAudit, useAuditKey, type AuditActor, type AuditRecord } from './services/audit';
import { defaultKeyFolder, fileAuditKey, type AuditKey } from './services/audit-key';
import { sweepLeftovers } from './services/leftovers';
import { setProcessJournal } from './export/safe-write';
import { siteMode } from './exchange/keys';
import { dailyBackup } from './services/backup';
import { getSettings, getStreet } from './services/street';
import { Scope } from './scope';
import { enforceRules } from './write-rules';

const handlers: Omit<Handlers, 'jobs.cancel' | 'app.status'> = { ...authHandlers, ...adminHandlers, ...recordHandlers, ...memberHandlers, ...organizationHandlers, ...transferHandlers, ...counterRequestHandlers, ...counterResourceHandlers, ...printHandlers, ...returnHandlers, ...exchangeHandlers, ...cityHandlers, ...demoHandlers, ...lifeHandlers, ...duesHandlers, ...developHandlers, ...govHandlers, ...attachmentHandlers, ...serverHandlers, ...overviewHandlers };

/** Calls allowed on a locked session: those that unlock it, end it or only look at it. */
const ALLOWED_WHEN_LOCKED = new Set<Method>(['app.status', 'auth.session', 'auth.unlock', 'auth.logout', 'auth.lock', 'auth.ping']);
/** Calls that do not count as the user being active. */
const PASSIVE = new Set<Method>(['app.status', 'auth.session']);
/** Calls that work before the street is set up. */
const BEFORE_SETUP = new Set<Method>(['app.status', 'setup.initialize', 'setup.initializeDistrict', 'setup.initializeCity', 'auth.session']);

export interface AppOptions {
  /**
   * The SQLite database file; with `pgUrl`, the name the files kept beside the database take theirs from
   * (the audit key's anchors, backups, exchange folders — see pgAnchorPath).
   */
  dbPath: string;
  /** A district's or a city's database in PostgreSQL (postgres://…), in place of the SQLite file. */
  pgUrl?: string;
  appVersion?: string;
  /** The clock; tests pass their own to step past a lockout. */
  now?: () => Date;
  /** The audit chain's key; by default a key file beside the database (the desktop app passes its own). */
  auditKey?: AuditKey;
}

/** The command line's login: who it runs as, and a caller bound to that session (see `loginForCli`). */
export interface CliSession {
  username: string;
  role: User['role'];
  /** Logged in with the password: write methods are allowed (as far as the role and scope allow). */
  canWrite: boolean;
  token: string;
  call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
}

type EventSink = (token: string | null, event: ApiEvent) => void;

export class StreetDeskApp {
  readonly dbPath: string;
  readonly appVersion: string;
  private db: Db;
  private readonly now: () => Date;
  private readonly sessions = new Map<string, Session>();
  private readonly jobs = new Map<string, { token: string | null; controller: AbortController }>();
  private readonly sinks = new Set<EventSink>();
  private restoring = false;
  private readonly auditKey: AuditKey;

  /**
   * Opens (and migrates) the database; throws AppError for a foreign or future file. Then clears what a
   * process killed mid-write left behind (see services/leftovers.ts) and keys the audit chain.
   */
  constructor(options: AppOptions) {
    this.dbPath = options.dbPath;
    this.appVersion = options.appVersion ?? '0.0.0';
    this.now = options.now ?? (() => new Date());
    this.db = options.pgUrl ? openPgDatabase(options.pgUrl) : openDatabase(options.dbPath);
    try {
      this.auditKey = options.auditKey ?? fileAuditKey(defaultKeyFolder(options.dbPath));
      sweepLeftovers(this.dbPath, this.auditKey.folder, this.db);
      setProcessJournal(this.auditKey.folder);
      useAuditKey(this.db, this.auditKey, this.now());
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  get database(): Db {
    return this.db;
  }

  /** The SQLite connection, for what only a SQLite file has (tests, benches, the crash test). */
  get sqlite(): SqliteDatabase {
    return sqliteOnly(this.db, 'SQLite access');
  }

  onEvent(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** The daily backup, if the street is set up and today's does not exist yet. */
  async runDailyBackup(): Promise<string | null> {
    // A database in PostgreSQL is backed up by its server's tools (pg_dump), not by StreetDesk.
    if (isPostgres(this.db) || !getStreet(this.db) || this.restoring) return null;
    const file = await dailyBackup(sqliteOnly(this.db, 'backup'), this.dbPath, this.now());
    return file?.name ?? null;
  }

  close(): void {
    this.sessions.clear();
    for (const job of this.jobs.values()) job.controller.abort();
    this.db.close();
  }

  /** Typed convenience for tests and the CLI: the value, or the AppError thrown. */
  async invoke<M extends Method>(method: M, input: ApiInput<M>, token: string | null = null): Promise<ApiOutputs[M]> {
    const result = await this.call(method, input, token);
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
    return result.value as ApiOutputs[M];
  }

  /**
   * Logs the command line in as a user, so its calls pass the same role and scope checks as the window's.
   * `username` null means the first active administrator. With a password this is the window's own login
   * (`auth.login`: a wrong password counts toward the lockout and is audited). Without one — for commands
   * that only read — the session is opened for that user directly, and the returned caller refuses every
   * method the contract marks as a write, so a missing password can never write.
   */
  async loginForCli(username: string | null, password: string | null): Promise<CliSession> {
    const user = username === null ? this.firstAdministrator() : findUserByName(this.db, username);
    if (!user) throw new AppError('NOT_FOUND', username === null ? 'no active administrator' : `no user named ${username}`, { entity: 'user', username });
    let token: string;
    if (password !== null) {
      const login = await this.call('auth.login', { username: user.username, password }, null);
      if (!login.ok) throw new AppError(login.error.code, login.error.message, login.error.details);
      token = (login.value as ApiOutputs['auth.login']).token;
    } else {
      if (user.disabled) throw new AppError('ACCOUNT_DISABLED', 'account disabled');
      if (user.locked_until !== null && new Date(user.locked_until) > this.now()) {
        throw new AppError('ACCOUNT_LOCKED', 'account locked', { until: user.locked_until });
      }
      token = this.sessionStore().open(user.id).token;
    }
    const canWrite = password !== null;
    const call = async <M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> => {
      if (!canWrite && contract[method].write) throw new AppError('UNAUTHENTICATED', `${method} writes and needs the password`, { method, needsPassword: true });
      return this.invoke(method, input, token);
    };
    return { username: user.username, role: user.role, canWrite, token, call };
  }

  private firstAdministrator(): User | undefined {
    return first(this.db, qb.selectFrom('users').selectAll().where('role', '=', 'admin').where('disabled', '=', 0).orderBy('id').limit(1));
  }

  async call(method: string, input: unknown, token: string | null): Promise<Result<unknown>> {
    let lang: Language = 'zh-CN';
    try {
      if (!isMethod(method)) throw new AppError('UNKNOWN_METHOD', `unknown method ${method}`, { method });
      if (this.restoring) throw new AppError('BUSY', 'a restore is under way');
      // PostgreSQL is for a district or a city: a street's work (and its tests) runs on its SQLite file.
      if (method === 'setup.initialize' && isPostgres(this.db)) throw new AppError('STREET_NOT_ON_POSTGRES', 'a street database is a SQLite file');
      const spec = contract[method];
      const { session, user } = this.caller(method, token);
      if (user) lang = user.language;
      if (!BEFORE_SETUP.has(method) && !getStreet(this.db)) {
        throw new AppError('NOT_INITIALIZED', 'first-time setup has not been done');
      }
      this.checkAccess(spec.access, user);
      const parsed = safeParseInput(spec.input, input ?? {});
      if (!parsed.ok) throw new AppError('VALIDATION', 'invalid input', { issues: parsed.issues });
      if (session && !PASSIVE.has(method)) session.lastActivity = this.now().getTime();

      if (method === 'jobs.cancel') return { ok: true, value: this.cancelJob((parsed.value as { jobId: string }).jobId, token) };
      if (method === 'app.status') return { ok: true, value: this.status() };
      const jobId = randomUUID();
      const controller = new AbortController();
      this.jobs.set(jobId, { token, controller });
      try {
        const ctx = this.context(method, session, user, lang, jobId, controller.signal, token);
        // The method's declared scope and month freeze, here once for every transport (write-rules.ts).
        enforceRules(method, parsed.value, ctx.db, ctx.scope, ctx.now());
        const handler = handlers[method as Exclude<Method, 'jobs.cancel' | 'app.status'>] as (c: CallContext, i: unknown) => unknown;
        const value = await handler(ctx, parsed.value);
        return { ok: true, value };
      } finally {
        this.jobs.delete(jobId);
      }
    } catch (err) {
      return { ok: false, error: this.toApiError(err, lang, method) };
    }
  }

  private toApiError(err: unknown, lang: Language, method: string) {
    if (err instanceof AppError) {
      const error = err.toApiError();
      // The method names the module whose labels the field issues are written with.
      return { ...error, message: formatError(error, lang, method) };
    }
    const ref = randomBytes(4).toString('hex');
    console.error(`[streetdesk] internal error ${ref}:`, err);
    return { code: 'INTERNAL' as const, message: formatError({ code: 'INTERNAL', details: { ref } }, lang), details: { ref } };
  }

  private status(): ApiOutputs['app.status'] {
    const street = getStreet(this.db);
    return {
      initialized: street !== null,
      mode: siteMode(this.db),
      street,
      appVersion: this.appVersion,
      schemaVersion: schemaVersion(this.db),
      defaultLanguage: 'zh-CN',
    };
  }

  /** Finds the session and its user; applies the idle lock and ends sessions of disabled users. */
  private caller(method: Method, token: string | null): { session: Session | null; user: User | null } {
    if (!token) return { session: null, user: null };
    const session = this.sessions.get(token);
    if (!session) return { session: null, user: null };
    const user = first(this.db, qb.selectFrom('users').selectAll().where('id', '=', session.userId));
    if (!user || user.disabled) {
      this.sessions.delete(token);
      return { session: null, user: null };
    }
    const idleMs = getSettings(this.db).idleLockMinutes * 60_000;
    if (!session.locked && this.now().getTime() - session.lastActivity > idleMs) session.locked = true;
    if (session.locked && !ALLOWED_WHEN_LOCKED.has(method)) {
      throw new AppError('SESSION_LOCKED', 'the session is locked');
    }
    return { session, user };
  }

  private checkAccess(access: (typeof contract)[Method]['access'], user: User | null): void {
    if (access === 'public') return;
    if (!user) throw new AppError('UNAUTHENTICATED', 'not logged in');
    if (access === 'session') return;
    if (ROLE_RANK[user.role] < ROLE_RANK[access]) {
      throw new AppError('FORBIDDEN', `role ${user.role} may not call this`, { role: user.role, required: access });
    }
  }

  private cancelJob(jobId: string, token: string | null): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    if (!job || job.token !== token) return { cancelled: false };
    job.controller.abort();
    return { cancelled: true };
  }

  private emit(token: string | null, event: ApiEvent): void {
    for (const sink of this.sinks) sink(token, event);
  }

  private sessionStore(): SessionStore {
    const endForUser = (userId: number, reason: 'account-locked' | 'logged-out') => {
      for (const [token, s] of this.sessions) {
        if (s.userId === userId) {
          this.sessions.delete(token);
          this.emit(token, { type: 'session-ended', reason });
        }
      }
    };
    return {
      open: (userId) => {
        const session: Session = { token: randomBytes(32).toString('base64url'), userId, lastActivity: this.now().getTime(), locked: false };
        this.sessions.set(session.token, session);
        return session;
      },
      get: (token) => this.sessions.get(token),
      end: (token) => {
        this.sessions.delete(token);
      },
      endAll: () => {
        for (const token of [...this.sessions.keys()]) this.emit(token, { type: 'session-ended', reason: 'restored' });
        this.sessions.clear();
      },
      endForUser,
    };
  }

  private context(
    method: Method,
    session: Session | null,
    user: User | null,
    lang: Language,
    jobId: string,
    signal: AbortSignal,
    token: string | null,
  ): CallContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const app = this;
    const actor = (): AuditActor => ({ userId: user?.id ?? null, username: user?.username ?? 'system' });
    let inTx = 0;
    let audited = 0;
    const scope = Scope.of(this.db, user);
    return {
      get db() {
        return app.db;
      },
      dbPath: this.dbPath,
      appVersion: this.appVersion,
      method,
      session,
      user,
      scope,
      lang,
      actorName: actor().username,
      jobId,
      signal,
      now: this.now,
      tx<T>(fn: () => T): T {
        return app.db.transaction(() => {
          inTx++;
          const changesBefore = totalChanges(app.db);
          const auditedBefore = audited;
          try {
            const value = fn();
            if (totalChanges(app.db) > changesBefore && audited === auditedBefore) {
              throw new Error(`${method} changed data without an audit entry`);
            }
            return value;
          } finally {
            inTx--;
          }
        })();
      },
      audit(record: AuditRecord, who?: AuditActor) {
        if (inTx === 0) throw new Error('audit entries are written inside ctx.tx');
        appendAudit(app.db, who ?? actor(), record, app.now());
        audited++;
      },
      progress(done: number, total: number) {
        app.emit(token, { type: 'progress', jobId, method, done, total });
      },
      emit: (event, to) => this.emit(to, event),
      sessions: this.sessionStore(),
      replaceDatabase: (swap) => this.replaceDatabase(swap),
    };
  }

  /** Closes the database, lets `swap` replace the file, reopens it; puts the old file back on failure. */
  private replaceDatabase(swap: () => void): void {
    sqliteOnly(this.db, 'restore');
    this.restoring = true;
    const previous = `${this.dbPath}.previous`;
    this.db.close();
    try {
      fs.copyFileSync(this.dbPath, previous);
      try {
        swap();
        this.db = openDatabase(this.dbPath);
        useAuditKey(this.db, this.auditKey, this.now());
      } catch (err) {
        this.db.close();
        fs.copyFileSync(previous, this.dbPath);
        fs.rmSync(`${this.dbPath}-wal`, { force: true });
        fs.rmSync(`${this.dbPath}-shm`, { force: true });
        this.db = openDatabase(this.dbPath);
        useAuditKey(this.db, this.auditKey, this.now());
        throw err;
      }
      fs.rmSync(previous, { force: true });
    } finally {
      this.restoring = false;
    }
  }
}

