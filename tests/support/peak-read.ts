// Run in a child (`node --import tsx tests/support/peak-read.ts FILE`): reads a roster as the import does and
// prints how far the process's peak memory rose during the read, in MB, as one JSON line. Tests use it to
// hold a reader to a memory bound without the test runner's own memory in the figure.
import { readRoster } from '../../src/core/import/roster-reader';

const before = process.resourceUsage().maxRSS;
let outcome = 'read';
try {
  await readRoster(process.argv[2]);
} catch (error) {
  outcome = (error as Error).message.slice(0, 200);
}
process.stdout.write(`${JSON.stringify({ outcome, beforeMb: Math.round(before / 1024), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
