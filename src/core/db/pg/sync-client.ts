// A synchronous PostgreSQL connection. The core runs every call on one synchronous connection (a write
// is one transaction that appends to the audit chain and cannot interleave with another call), and a
// district or a city may keep that database in PostgreSQL. node-postgres is asynchronous, so it runs in a
// worker thread that owns one connection; the caller posts a query and blocks on a shared flag
// (Atomics.wait) until the worker has posted the answer, then takes it off the port synchronously.
// This is the same shape as better-sqlite3: one connection, one query at a time, no pool.
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export interface PgResult {
  rows: unknown[];
  rowCount: number;
}

export interface PgErrorInfo {
  message: string;
  /** The connection is gone (server restart, network): a new one may be opened. */
  lost?: boolean;
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** An error PostgreSQL reported, with its SQLSTATE code (23505 unique violation, 23503 foreign key, …). */
export class PgQueryError extends Error {
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly constraint: string | undefined;
  readonly lost: boolean;
  constructor(info: PgErrorInfo, readonly sql: string) {
    super(info.message);
    this.name = 'PgQueryError';
    this.lost = info.lost === true;
    this.code = info.code;
    this.detail = info.detail;
    this.constraint = info.constraint;
  }
}

type Reply = { ok: true; rows: unknown[]; rowCount: number } | { ok: false; error: PgErrorInfo };

// The worker's code, run as a CommonJS script (eval) so no separate file has to be found next to a
// bundle. Integer columns are BIGINT in the PostgreSQL schema and come back as numbers (the SQLite side
// gives numbers too; no StreetDesk id or count comes near 2^53); numeric (sums, averages) as numbers;
// booleans (a comparison selected as a value) as 1/0, as SQLite gives them.
const WORKER = `
const { workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
const flag = new Int32Array(workerData.flag);
const port = workerData.port;
const asNumber = (v) => { const n = Number(v); if (!Number.isSafeInteger(n) && Number.isInteger(n)) throw new Error('integer out of range: ' + v); return n; };
const parsers = { 20: asNumber, 1700: Number, 16: (v) => (v === 't' ? 1 : 0) };
const types = { getTypeParser: (oid, format) => parsers[oid] || pg.types.getTypeParser(oid, format) };
let client = null;
let broken = null;
let ready = null;
function connect() {
  const c = new pg.Client({ connectionString: workerData.url, types, application_name: 'StreetDesk' });
  broken = null;
  // Only the current connection's failure counts: the lost one still reports its end after it is replaced.
  c.on('error', (e) => { if (client === c) broken = e; });
  client = c;
  ready = c.connect().catch((e) => { if (client === c) broken = e; });
}
connect();
function reply(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
function describe(e) {
  // A lost connection: the client reported it, PostgreSQL said so (class 57P, shut down; 08, connection), or
  // the socket went (node-postgres' own messages and the socket's codes). Any other error is the query's.
  const code = e && e.code ? String(e.code) : '';
  const lost = Boolean(broken) || /^(57P|08)/.test(code) || /^(ECONNRESET|EPIPE|ECONNREFUSED|ETIMEDOUT)$/.test(code) ||
    /Connection terminated|not queryable/.test(String(e && e.message));
  return { message: String(e && e.message || e), code: e && e.code, detail: e && e.detail, constraint: e && e.constraint, table: e && e.table, column: e && e.column, lost };
}
port.on('message', async (m) => {
  try {
    if (m.reconnect) { const old = client; connect(); old.end().catch(() => {}); await ready; if (broken) throw broken; reply({ ok: true, rows: [], rowCount: 0 }); return; }
    await ready;
    if (broken) throw broken;
    if (m.end) { await client.end(); reply({ ok: true, rows: [], rowCount: 0 }); return; }
    const r = await client.query(m.params ? { text: m.sql, values: m.params, rowMode: m.array ? 'array' : undefined } : m.sql);
    const last = Array.isArray(r) ? r[r.length - 1] : r;
    reply({ ok: true, rows: last ? last.rows : [], rowCount: last ? last.rowCount || 0 : 0 });
  } catch (e) {
    reply({ ok: false, error: describe(e) });
  }
});
`;

export class PgSyncClient {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private closed = false;

  constructor(readonly url: string, private readonly timeoutMs = 120_000) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const pgPath = createRequire(import.meta.url).resolve('pg');
    this.worker = new Worker(WORKER, { eval: true, workerData: { url, pgPath, flag: this.flag.buffer, port: port2 }, transferList: [port2] });
    this.worker.unref();
    this.port.unref();
    // The first round trip waits for the connection, so a wrong URL fails here, not at the first query.
    this.query('SELECT 1');
  }

  /** Runs one statement (with parameters: the extended protocol) or a script of several (without). */
  query(sql: string, params?: readonly unknown[], array = false): PgResult {
    if (this.closed) throw new Error('The PostgreSQL connection is closed');
    const reply = this.roundTrip({ sql, params: params ? [...params] : undefined, array });
    if (!reply.ok) throw new PgQueryError(reply.error, sql);
    return { rows: reply.rows, rowCount: reply.rowCount };
  }

  /** Opens a new connection in place of a lost one (nothing of the old session survives: no transaction). */
  reconnect(): void {
    const reply = this.roundTrip({ reconnect: true });
    if (!reply.ok) throw new PgQueryError(reply.error, '(reconnect)');
  }

  close(): void {
    if (this.closed) return;
    try {
      this.roundTrip({ end: true });
    } finally {
      this.closed = true;
      void this.worker.terminate();
    }
  }

  private roundTrip(message: object): Reply {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(message);
    const waited = Atomics.wait(this.flag, 0, 0, this.timeoutMs);
    if (waited === 'timed-out') throw new Error(`PostgreSQL did not answer in ${this.timeoutMs / 1000} s`);
    // The worker posts before it raises the flag, so the answer is on the port by now.
    const got = receiveMessageOnPort(this.port);
    if (!got) throw new Error('PostgreSQL worker gave no answer');
    return got.message as Reply;
  }
}
