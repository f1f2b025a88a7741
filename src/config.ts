import path from "node:path";
import { DEFAULT_THRESHOLDS } from "./domain/indicators.ts";

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  logLevel: string;
  /** Fixed "now" for demos and tests (ISO date or date-time). */
  now: string | undefined;
  secureCookies: boolean;
  /** "Sắp đến hạn" window, in days. */
  dueSoonDays: number;
  /** smtp://user:pass@host:port — mail digests are sent only when set. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Minutes between runs of the reminder job inside the server (0 = off). */
  reminderEveryMinutes: number;
  /** Target status: points below the expected value still "Đúng lộ trình", and before "Chậm". */
  targetThresholds: { onTrack: number; atRisk: number; minCoverage: number };
  /** Fastify's trustProxy: false, true, a hop count or a list of proxy addresses (LOTRINH_TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** A session ends after this many minutes without a request… */
  sessionIdleMinutes: number;
  /** …and in any case this many hours after sign-in. */
  sessionMaxHours: number;
  /** Key for secrets kept to act later (DHIS2 jobs); unset → a key file in dataDir (LOTRINH_SECRET_KEY). */
  secretKey?: string;
  /** The shared dashboard reads are kept this many ms (LOTRINH_READ_CACHE_MS; 0 = off): server/readCache.ts. */
  readCacheMs: number;
  /** PostgreSQL statements named, parsed once per connection (LOTRINH_PG_NAMED_STATEMENTS=0: off). */
  pgNamedStatements: boolean;
}

/** LOTRINH_TRUST_PROXY: unset/0/false → no proxy trusted; a number → hops; true; or "10.0.0.1,10.0.0.0/8". */
export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = raw?.trim() ?? "";
  if (v === "" || v === "0" || v === "false") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  return v;
}

function nonNegative(raw: string | undefined, fallback: number): number {
  const n = Number(raw?.replace(",", "."));
  return raw !== undefined && raw !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** A share of a whole: "0.8", "0,8" or "80" (read as per cent); outside 0–100 % the fallback. */
function share(raw: string | undefined, fallback: number): number {
  const n = nonNegative(raw?.trim().replace(/\s*%$/, ""), fallback);
  const value = n > 1 ? n / 100 : n;
  return value <= 1 ? value : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  return {
    port: Number.isInteger(port) && port > 0 ? port : 3000,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.LOTRINH_DATA_DIR ?? "./data"),
    demo: env.LOTRINH_DEMO === "1" || env.LOTRINH_DEMO === "true",
    logLevel: env.LOG_LEVEL ?? "info",
    now: env.LOTRINH_NOW || undefined,
    secureCookies: env.LOTRINH_SECURE_COOKIES === "1",
    dueSoonDays: Number(env.LOTRINH_DUE_SOON_DAYS ?? 7) || 7,
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM ?? "Lộ Trình <lotrinh@localhost>",
    reminderEveryMinutes: Number(env.LOTRINH_REMIND_EVERY_MINUTES ?? 60),
    targetThresholds: {
      onTrack: nonNegative(env.LOTRINH_TARGET_ON_TRACK_GAP, DEFAULT_THRESHOLDS.onTrack),
      atRisk: nonNegative(env.LOTRINH_TARGET_AT_RISK_GAP, DEFAULT_THRESHOLDS.atRisk),
      minCoverage: share(env.LOTRINH_TARGET_MIN_COVERAGE, DEFAULT_THRESHOLDS.minCoverage),
    },
    trustProxy: parseTrustProxy(env.LOTRINH_TRUST_PROXY),
    sessionIdleMinutes: nonNegative(env.LOTRINH_SESSION_IDLE_MINUTES, 60) || 60,
    sessionMaxHours: nonNegative(env.LOTRINH_SESSION_MAX_HOURS, 12) || 12,
    secretKey: env.LOTRINH_SECRET_KEY || undefined,
    readCacheMs: nonNegative(env.LOTRINH_READ_CACHE_MS, 3000),
    pgNamedStatements: env.LOTRINH_PG_NAMED_STATEMENTS !== "0",
  };
}
