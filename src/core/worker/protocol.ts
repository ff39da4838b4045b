// Messages between a CoreClient (Electron main, browser host) and the worker thread that owns the database.
import type { ApiEvent } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/result';

export interface WorkerInit {
  dbPath: string;
  /** A district's or a city's database in PostgreSQL; dbPath then names the files kept beside it. */
  pgUrl?: string;
  appVersion: string;
  /** Run the daily backup check at start and every hour (off for tests that want a quiet folder). */
  dailyBackups: boolean;
  /** The audit chain's key from the desktop app's protected storage (base64) and its anchor folder. */
  auditKey?: { secret: string; folder: string };
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown; token: string | null }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: ApiError }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; token: string | null; event: ApiEvent }
  | { type: 'closed' };
