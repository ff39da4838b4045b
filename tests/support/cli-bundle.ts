// The CLI the tests run, bundled once per run (vitest and Playwright global setup): under tsx every CLI call
// compiles some 200 source files again (about 1.8 s a call on the build machine); the bundle starts in
// about 0.6 s. It is built from the sources as they are at the start of the run, so no test runs a stale
// CLI. It sits two folders below the repository root, as src/cli/index.ts does, so what the code finds
// from its own location (package.json, for the version) is the same file. Dependencies stay in node_modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Run as `node <CLI_BUNDLE> …` from the repository root. */
export const CLI_BUNDLE = path.join(ROOT, 'test-results/cli/index.mjs');

export default async function bundleCli(): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, 'src/cli/index.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}
