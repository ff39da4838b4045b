// Logins over the network, slowed by source and by name: a page or a script guessing passwords (or user
// names, which the core never locks because they belong to nobody) gets a few tries, then waits — and the
// waiting attempts never reach the core, so they neither cost a password hash nor write to the audit log.
// The desktop window and the CLI do not pass through here; the core's own lockout (5 wrong passwords of a
// real account) applies everywhere.

/**
 * Failed logins of one name from one source before it waits; the wait doubles with each further failure.
 * More than the core's lockout (5 wrong passwords), so a clerk who mistypes sees "账号已锁定，请于 … 后再试"
 * from the core rather than a bare "wait".
 */
export const FAILURES_PER_NAME = 8;
/** Failed logins from one source, whatever the names, before the source waits. */
export const FAILURES_PER_SOURCE = 20;
/** How long failures are remembered, and the longest wait. */
export const WINDOW_MS = 15 * 60_000;
const FIRST_WAIT_MS = 30_000;

interface Tally {
  failures: number[];
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly byName = new Map<string, Tally>();
  private readonly bySource = new Map<string, Tally>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The milliseconds the source must wait before trying `name` again, or 0. */
  waitFor(source: string, name: string): number {
    const t = this.now();
    const wait = Math.max(this.byName.get(key(source, name))?.blockedUntil ?? 0, this.bySource.get(source)?.blockedUntil ?? 0) - t;
    return wait > 0 ? wait : 0;
  }

  failed(source: string, name: string): void {
    const t = this.now();
    const n = this.tally(this.byName, key(source, name), t);
    if (n.failures.length >= FAILURES_PER_NAME) n.blockedUntil = t + Math.min(WINDOW_MS, FIRST_WAIT_MS * 2 ** (n.failures.length - FAILURES_PER_NAME));
    const s = this.tally(this.bySource, source, t);
    if (s.failures.length >= FAILURES_PER_SOURCE) s.blockedUntil = t + WINDOW_MS;
    this.prune(t);
  }

  succeeded(source: string, name: string): void {
    this.byName.delete(key(source, name));
  }

  private tally(map: Map<string, Tally>, k: string, t: number): Tally {
    const tally = map.get(k) ?? { failures: [], blockedUntil: 0 };
    tally.failures = tally.failures.filter((at) => t - at < WINDOW_MS);
    tally.failures.push(t);
    map.set(k, tally);
    return tally;
  }

  /** Forgets sources and names quiet for a whole window, so a long-running host keeps no growing list. */
  private prune(t: number): void {
    if (this.byName.size + this.bySource.size < 10_000) return;
    for (const map of [this.byName, this.bySource]) {
      for (const [k, v] of map) if (v.blockedUntil < t && v.failures.every((at) => t - at >= WINDOW_MS)) map.delete(k);
    }
  }
}

const key = (source: string, name: string) => `${source}\u0000${name.trim().toLowerCase()}`;
