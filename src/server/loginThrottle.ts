/**
 * Limits failed logins: after `maxFailures` failures for one user name from one address within the
 * window, further attempts are refused until the window passes. Kept in memory (one server process).
 */
export class LoginThrottle {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  private key(ip: string, username: string): string {
    return `${ip}|${username.trim().toLowerCase()}`;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Minutes until another attempt is allowed, or 0 when allowed now. */
  blockedFor(ip: string, username: string, now: number): number {
    const list = this.recent(this.key(ip, username), now);
    if (list.length < this.maxFailures) return 0;
    const oldest = list[list.length - this.maxFailures] as number;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 60000));
  }

  fail(ip: string, username: string, now: number): void {
    const k = this.key(ip, username);
    this.failures.set(k, [...this.recent(k, now), now]);
  }

  succeed(ip: string, username: string): void {
    this.failures.delete(this.key(ip, username));
  }
}
