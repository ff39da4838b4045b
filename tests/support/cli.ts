// Runs the real CLI (bundled once per run from src/cli/index.ts, tests/support/cli-bundle.ts) from the repository root, as a clerk's script would.
// The password of the shell is dropped: a test that writes passes STREETDESK_PASSWORD itself, so a write
// runs as a logged-in user only where the test says so (reads need none).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { CLI_BUNDLE } from './cli-bundle';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const base = { ...process.env };
  delete base.STREETDESK_PASSWORD;
  delete base.STREETDESK_LANG;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_BUNDLE, ...args],
      { cwd: REPO_ROOT, env: { ...base, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** `--json` output: exactly one line of JSON on stdout. */
export function jsonLine(run: CliRun): { ok: boolean; error?: { code: string; message: string; details?: Record<string, unknown> } } & Record<
  string,
  unknown
> {
  const lines = run.stdout.split('\n');
  expect(lines, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toHaveLength(2);
  expect(lines[1]).toBe('');
  return JSON.parse(lines[0]) as ReturnType<typeof jsonLine>;
}
