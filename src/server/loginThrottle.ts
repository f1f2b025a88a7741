import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Slows password guessing without letting anyone lock a named person out (kept in memory, one process).
 *
 * - Per account and address: 5 failures free, then each attempt must wait 1 s, 2 s, 4 s … up to 5 min
 *   after the last failure. Only that address is slowed for that account.
 * - Per address, across user names: 30 failures free within 15 minutes, then the same progressive
 *   delay for every name tried from it — password spraying (one password, many names) is slowed.
 * - Known devices: a browser that once signed in to an account carries a signed cookie for it; its
 *   attempts on that account are counted on their own, so failures from an attacker (even behind the
 *   same proxy, when LOTRINH_TRUST_PROXY is not set) never delay the real person on their own device.
 * A success clears the counter it was judged on (device, or account+address), never the address budget.
 */
export interface ThrottleRules {
  freeFailures: number;
  addressBudget: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

export const DEFAULT_RULES: ThrottleRules = {
  freeFailures: 5,
  addressBudget: 30,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60 * 1000,
  windowMs: 15 * 60 * 1000,
};

export interface LoginAttempt {
  ip: string;
  username: string;
  /** The `lt_device` cookie, when the browser sent one. */
  device?: string | undefined;
}

interface Count {
  failures: number;
  last: number;
}

const MAX_KEYS = 100_000;

export class LoginThrottle {
  private counts = new Map<string, Count>();
  private readonly secret = randomBytes(32);

  constructor(private readonly rules: ThrottleRules = DEFAULT_RULES) {}

  private wait(key: string, free: number, now: number): number {
    const c = this.counts.get(key);
    if (!c) return 0;
    if (now - c.last >= this.rules.windowMs) {
      this.counts.delete(key);
      return 0;
    }
    if (c.failures < free) return 0;
    const delay = Math.min(this.rules.maxDelayMs, this.rules.baseDelayMs * 2 ** (c.failures - free));
    return Math.max(0, c.last + delay - now);
  }

  private count(key: string, now: number): void {
    const c = this.counts.get(key);
    const fresh = !c || now - c.last >= this.rules.windowMs;
    if (fresh && this.counts.size >= MAX_KEYS) this.prune(now);
    this.counts.set(key, { failures: fresh ? 1 : (c as Count).failures + 1, last: now });
  }

  private prune(now: number): void {
    for (const [k, c] of this.counts) if (now - c.last >= this.rules.windowMs) this.counts.delete(k);
  }

  private keys(a: LoginAttempt) {
    const name = a.username.trim().toLowerCase();
    const device = a.device && this.isDeviceOf(a.device, name) ? a.device : null;
    return { device: device ? `d|${device}` : null, pair: `p|${a.ip}|${name}`, address: `a|${a.ip}` };
  }

  /** Milliseconds before this attempt may be checked, or 0 when it may be checked now. */
  waitMs(a: LoginAttempt, now: number): number {
    const k = this.keys(a);
    if (k.device) return this.wait(k.device, this.rules.freeFailures, now);
    return Math.max(
      this.wait(k.pair, this.rules.freeFailures, now),
      this.wait(k.address, this.rules.addressBudget, now),
    );
  }

  fail(a: LoginAttempt, now: number): void {
    const k = this.keys(a);
    if (k.device) {
      this.count(k.device, now);
      return;
    }
    this.count(k.pair, now);
    this.count(k.address, now);
  }

  /** A success clears what this attempt was counted on: its device, or its account+address pair. */
  succeed(a: LoginAttempt): void {
    const k = this.keys(a);
    this.counts.delete(k.device ?? k.pair);
  }

  /** A device token for this account: random, signed with a key that lives as long as the process. */
  deviceTokenFor(username: string): string {
    const nonce = randomBytes(16).toString("base64url");
    return `${nonce}.${this.sign(nonce, username.trim().toLowerCase())}`;
  }

  private sign(nonce: string, name: string): string {
    return createHmac("sha256", this.secret).update(`${nonce}|${name}`).digest("base64url");
  }

  private isDeviceOf(token: string, name: string): boolean {
    const [nonce, mac] = token.split(".");
    if (!nonce || !mac) return false;
    const expected = Buffer.from(this.sign(nonce, name));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
