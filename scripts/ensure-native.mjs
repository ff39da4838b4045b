// Before the tests: better-sqlite3 must be built for this Node (an Electron build of it will not load
// here, see docs/architecture.md, "Native module"). Loading it costs a fraction of a second; a rebuild happens only when it fails.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (err) {
    console.warn(`better-sqlite3 does not load under Node ${process.version}: ${err.message.split('\n')[0]}`);
    return false;
  }
}

if (!loads()) {
  console.warn('Rebuilding better-sqlite3 for Node…');
  const r = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  delete require.cache[require.resolve('better-sqlite3')];
  if (!loads()) process.exit(1);
}
