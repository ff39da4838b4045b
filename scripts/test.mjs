// `npm test`: type-check, lint, build the renderer, run vitest (core, CLI, Electron smoke) and Playwright
// (the app in Debian's Chromium through the browser host), then print one plain line `N passed, N failed`.
// Exits non-zero on any failure, and when no test ran at all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const skips = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: ${r.status === 0 ? 'ok' : `exit ${r.status ?? r.signal}`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

/** A whole-project check (type-check, lint) counts as one test. */
function check(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

check('type-check (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('type-check (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('lint', 'npx', ['eslint', 'src', 'tests', 'scripts']);

// vitest: core, CLI, Electron smoke
const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestOk = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  for (const file of vitest.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      const name = `${path.relative(root, file.name)} › ${t.fullName ?? t.title}`;
      if (t.status === 'passed') passed++;
      else if (t.status === 'failed') {
        failed++;
        failures.push(name);
      } else {
        skipped++;
        skips.push(name);
      }
    }
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      failed++;
      failures.push(`${path.relative(root, file.name)} (did not load: ${String(file.message ?? '').split('\n')[0]})`);
    }
  }
}
if (!vitestOk && (!vitest || failures.length === 0)) {
  failed++;
  failures.push('vitest run failed without a report');
}

// Playwright: needs the built renderer
const built = run('build', 'npx', ['electron-vite', 'build']);
if (!built) {
  failed++;
  failures.push('electron-vite build');
} else {
  const e2eJson = path.join(results, 'e2e.json');
  fs.rmSync(e2eJson, { force: true });
  const e2eOk = run('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  const e2e = readJson(e2eJson);
  if (e2e?.stats) {
    const walk = (suite, trail) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          const name = [...trail, spec.title].join(' › ');
          if (t.status === 'expected' || t.status === 'flaky') passed++;
          else if (t.status === 'skipped') {
            skipped++;
            skips.push(name);
          } else {
            failed++;
            failures.push(name);
          }
        }
      }
      for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
    };
    for (const suite of e2e.suites ?? []) walk(suite, [suite.title]);
    for (const err of e2e.errors ?? []) {
      failed++;
      failures.push(`playwright: ${String(err.message ?? '').split('\n')[0]}`);
    }
  }
  if (!e2eOk && !e2e?.stats) {
    failed++;
    failures.push('playwright run failed without a report');
  }
}

console.log('');
if (skips.length) console.log(`Skipped:\n${skips.map((s) => `  - ${s}`).join('\n')}`);
if (failures.length) console.log(`Failed:\n${failures.map((s) => `  - ${s}`).join('\n')}`);
const ranTests = passed + failed;
if (ranTests === 0) console.log('No test ran.');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || ranTests === 0 ? 1 : 0);
