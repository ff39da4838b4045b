// Starts the core worker from TypeScript sources (browser host, CLI and tests run under tsx; Node 20 does
// not pass tsx's loader on to worker threads). The Electron build uses the bundled out/main/worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
