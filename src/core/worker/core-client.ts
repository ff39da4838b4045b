// Runs core in a worker thread so database work never blocks the thread that answers the UI.
// Electron main and the browser host both talk to the application only through this client.
import { Worker } from 'node:worker_threads';
import type { ApiEvent } from '../../shared/api/contract';
import { AppError, type Result } from '../../shared/result';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

export interface CoreClientOptions extends Partial<Omit<WorkerInit, 'dbPath'>> {
  dbPath: string;
  /** The built worker script (out/main/worker.js in Electron, src/core/worker/worker-main.ts under tsx). */
  workerUrl: URL | string;
}

type EventListener = (token: string | null, event: ApiEvent) => void;

export class CoreClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Set<EventListener>();
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (msg: FromWorker) => this.onMessage(msg));
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => this.failAll(new Error('core worker exited')));
  }

  /** Starts the worker and opens the database; rejects with an AppError when the file is refused. */
  static start(options: CoreClientOptions): Promise<CoreClient> {
    const init: WorkerInit = {
      dbPath: options.dbPath,
      ...(options.pgUrl ? { pgUrl: options.pgUrl } : {}),
      appVersion: options.appVersion ?? '0.0.0',
      dailyBackups: options.dailyBackups ?? true,
      ...(options.auditKey ? { auditKey: options.auditKey } : {}),
    };
    const worker = new Worker(options.workerUrl, { workerData: init });
    return new Promise((resolve, reject) => {
      const onFirst = (msg: FromWorker) => {
        if (msg.type === 'ready') {
          worker.off('message', onFirst);
          worker.off('error', onError);
          resolve(new CoreClient(worker));
        } else if (msg.type === 'failed') {
          worker.off('message', onFirst);
          worker.off('error', onError);
          void worker.terminate();
          reject(new AppError(msg.error.code, msg.error.message, msg.error.details));
        }
      };
      const onError = (err: Error) => reject(err);
      worker.on('message', onFirst);
      worker.once('error', onError);
    });
  }

  call(method: string, input: unknown, token: string | null): Promise<Result<unknown>> {
    if (this.closing) {
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'StreetDesk is closing' } });
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ type: 'call', id, method, input, token });
    });
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits for calls under way, closes the database cleanly (WAL checkpoint) and ends the worker. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.post({ type: 'close' });
    });
    return this.closing;
  }

  private post(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  private onMessage(msg: FromWorker): void {
    if (msg.type === 'result') {
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(msg.result);
    } else if (msg.type === 'event') {
      for (const listener of this.listeners) listener(msg.token, msg.event);
    } else if (msg.type === 'closed') {
      void this.worker.terminate();
    }
  }

  private failAll(err: Error): void {
    for (const resolve of this.pending.values()) {
      resolve({ ok: false, error: { code: 'INTERNAL', message: err.message } });
    }
    this.pending.clear();
  }
}
