/**
 * Keeps the public page answering when someone hammers it (no login to slow them down): a token bucket
 * per address — a burst of `capacity` requests, then `refillPerSecond` more each second — and a
 * short-lived cache of each answer so that a crowd of phones costs one computation a minute.
 * In memory, one process, like loginThrottle.ts (@fastify/rate-limit is not among the kept libraries).
 */
export interface BucketRules {
  capacity: number;
  refillPerSecond: number;
}

export const PUBLIC_BUCKET: BucketRules = { capacity: 60, refillPerSecond: 1 };

const MAX_ADDRESSES = 50_000;

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rules: BucketRules = PUBLIC_BUCKET) {}

  private level(address: string, now: number): number {
    const b = this.buckets.get(address);
    if (!b) return this.rules.capacity;
    return Math.min(this.rules.capacity, b.tokens + ((now - b.at) / 1000) * this.rules.refillPerSecond);
  }

  /** Takes one token: 0 when the request may go on, else the seconds to wait for the next token. */
  take(address: string, now: number): number {
    const tokens = this.level(address, now);
    if (tokens < 1) return Math.ceil((1 - tokens) / this.rules.refillPerSecond);
    if (!this.buckets.has(address) && this.buckets.size >= MAX_ADDRESSES) this.prune(now);
    this.buckets.set(address, { tokens: tokens - 1, at: now });
    return 0;
  }

  /** Forgets addresses whose bucket has filled up again (they are as good as new). */
  private prune(now: number): void {
    for (const [address] of this.buckets)
      if (this.level(address, now) >= this.rules.capacity) this.buckets.delete(address);
  }
}

/** Answers kept for `ttlMs`; `clear` when what they show changes (a plan made public or withdrawn). */
export class AnswerCache<T> {
  private entries = new Map<string, { until: number; value: Promise<T> }>();

  constructor(private readonly ttlMs: number) {}

  /** The kept answer, or a fresh one; concurrent requests for the same key share one computation. */
  get(key: string, now: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = compute();
    this.entries.set(key, { until: now + this.ttlMs, value });
    // a failure (404 for a non-public id) is not kept
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
