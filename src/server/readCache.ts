import { writeGeneration } from "../db/writeGeneration.ts";

/*
 * The answers of the shared dashboard reads (overview, targets, scoreboard, register, drill-down), kept a
 * few seconds so that many leaders opening the same page in a rush cost one computation. Correctness first:
 * - the key is the route, its normalised query and the caller's visibility (server/cachedAnswer.ts);
 * - an answer is served at most `maxAgeMs` after its computation began — whatever wrote meanwhile, in this
 *   process or another (the CLI, a second server on the same PostgreSQL);
 * - never to a session that wrote after that computation began: a session's write request notes the
 *   write generation (db/writeGeneration.ts) once it is done, and an answer computed from an older
 *   generation is not served to it (read-your-writes);
 * - bounded in entries and bytes (least recently used out first); one computation per key at a time:
 *   concurrent misses wait for the same one.
 * The answers do not depend on the language (the server speaks Vietnamese only; the web translates).
 */

export interface ReadCacheOptions {
  /** How long an answer may be served after its computation began; 0 turns the cache off. */
  maxAgeMs: number;
  maxEntries?: number;
  maxBytes?: number;
  /** Milliseconds from any origin (performance.now by default; tests inject their own). */
  clock?: () => number;
  /** The write generation (db/writeGeneration.ts by default). */
  generation?: () => number;
}

export interface CachedBody {
  body: string;
  /** When the computation began (the cache's clock). */
  startedAt: number;
  /** The write generation when it began: the answer includes every write committed before. */
  generation: number;
}

export interface Served extends CachedBody {
  hit: boolean;
  ageMs: number;
}

export class ReadCache {
  readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly clock: () => number;
  private readonly generation: () => number;
  /** Insertion order is recency order: a hit moves its entry to the end. */
  private readonly entries = new Map<string, CachedBody>();
  private readonly pending = new Map<string, { generation: number; promise: Promise<CachedBody> }>();
  /** session key → write generation after its last write request, and when (pruned after maxAgeMs). */
  private readonly lastWrite = new Map<string, { generation: number; at: number }>();
  private bytes = 0;

  constructor(opts: ReadCacheOptions) {
    this.maxAgeMs = Math.max(0, opts.maxAgeMs);
    this.maxEntries = opts.maxEntries ?? 500;
    this.maxBytes = opts.maxBytes ?? 32 * 1024 * 1024;
    this.clock = opts.clock ?? (() => performance.now());
    this.generation = opts.generation ?? writeGeneration;
  }

  get enabled(): boolean {
    return this.maxAgeMs > 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** A session's write request has ended: what it wrote is in the current generation. */
  noteWrite(session: string): void {
    const now = this.clock();
    this.lastWrite.delete(session);
    this.lastWrite.set(session, { generation: this.generation(), at: now });
    // a write older than maxAgeMs cannot be newer than any answer still served: forget it
    for (const [key, w] of this.lastWrite) {
      if (now - w.at <= this.maxAgeMs) break;
      this.lastWrite.delete(key);
    }
  }

  /** The answer for the key: kept if it may be served to this session, else computed (once per key). */
  async get(key: string, session: string | null, compute: () => Promise<string>): Promise<Served> {
    const now = this.clock();
    const mustSee = session === null ? 0 : (this.lastWrite.get(session)?.generation ?? 0);
    const kept = this.entries.get(key);
    if (kept && this.servable(kept, now, mustSee)) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return { ...kept, hit: true, ageMs: now - kept.startedAt };
    }
    // join the computation running for the key, unless it began before this session's own write
    const running = this.pending.get(key);
    if (running && running.generation >= mustSee) {
      const result = await running.promise;
      return { ...result, hit: true, ageMs: this.clock() - result.startedAt };
    }
    const result = await this.compute(key, compute);
    return { ...result, hit: false, ageMs: this.clock() - result.startedAt };
  }

  private servable(e: CachedBody, now: number, mustSee: number): boolean {
    return now - e.startedAt < this.maxAgeMs && e.generation >= mustSee;
  }

  private compute(key: string, compute: () => Promise<string>): Promise<CachedBody> {
    const generation = this.generation();
    const startedAt = this.clock();
    const running = {
      generation,
      promise: compute()
        .then((body) => {
          const entry = { body, startedAt, generation };
          this.store(key, entry);
          return entry;
        })
        .finally(() => {
          if (this.pending.get(key) === running) this.pending.delete(key);
        }),
    };
    this.pending.set(key, running);
    return running.promise;
  }

  private store(key: string, entry: CachedBody): void {
    const size = entry.body.length;
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    // a slower computation that began earlier never replaces a newer answer
    if (old && (old.generation > entry.generation || old.startedAt > entry.startedAt)) return;
    if (old) this.drop(key, old);
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.drop(k, e);
    }
  }

  private drop(key: string, e: CachedBody): void {
    this.entries.delete(key);
    this.bytes -= e.body.length;
  }
}
