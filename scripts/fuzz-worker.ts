// One of the few long-lived processes `npm run fuzz` hands its cases to (built with the CLI into plain JS
// once: a tsx process per case cost 3 s, most of it compiling). Each case is one CLI command run by the
// CLI's own runCli — the exit code it answers, what it prints — or one restore through the contract (the
// CLI has no restore command). Per case the process's peak memory is reset first (/proc/self/clear_refs)
// and read after (VmHWM), so the figure is that case's peak, as /usr/bin/time gave for a process per case.
// A case that crashes the process (an uncaught error, an abort) or hangs is seen by the parent: the
// process is gone or killed after 30 s, and a fresh one takes the next case.
//
// Protocol: one JSON line per case on stdin {id, argv} or {id, restore: {db, file}}; one JSON line per
// answer on stdout {id, code, out, err, peakKb, ms, rssKb}. Everything the case prints is captured, not passed on.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { runCli } from '../src/cli/index';
import { StreetDeskApp } from '../src/core/app';

const answer = process.stdout.write.bind(process.stdout);

function peakKb(): number {
  const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : 0;
}

function rssKb(): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : 0;
}

function resetPeak(): void {
  // What earlier cases left is collected first, so the peak starts from this process's own baseline.
  (globalThis as { gc?: () => void }).gc?.();
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux, or not allowed: the peak is then the process's since its start (an upper bound)
  }
}

async function restore(db: string, file: string): Promise<number> {
  const app = new StreetDeskApp({ dbPath: db });
  try {
    const login = await app.call('auth.login', { username: 'admin', password: process.env.STREETDESK_PASSWORD ?? '' }, null);
    if (!login.ok) throw new Error(`cannot log in: ${login.error.message}`);
    const token = (login.value as { token: string }).token;
    const result = await app.call('backup.restore', { kind: 'upload', fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) }, token);
    process.stdout.write(`${JSON.stringify(result.ok ? { ok: true } : { ok: false, error: { code: result.error.code, message: result.error.message } })}\n`);
    return result.ok ? 0 : 1;
  } finally {
    app.close();
  }
}

interface Job {
  id: number;
  argv?: string[];
  restore?: { db: string; file: string };
}

async function runOne(job: Job): Promise<void> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => ((chunk: string | Uint8Array) => {
    if (into.join('').length < 16_384) into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stdout.write;
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  resetPeak();
  const started = performance.now();
  let code: number;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    code = job.restore ? await restore(job.restore.db, job.restore.file) : await runCli(job.argv ?? []);
  } catch (error) {
    // What escaped the CLI's own handling: a crash of this case, reported with its stack like a dying process.
    err.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    code = 70;
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  const ms = Math.round(performance.now() - started);
  answer(`${JSON.stringify({ id: job.id, code, out: out.join(''), err: err.join(''), peakKb: peakKb(), ms, rssKb: rssKb() })}\n`);
}

// One case at a time, in order: a case's peak memory is its own.
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const job = JSON.parse(line) as Job;
  queue = queue.then(() => runOne(job));
});
