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
  /** Proxies whose X-Forwarded-Proto/For are believed (false: none). */
  trustProxy: boolean | string[];
  /** "Sắp đến hạn" window, in days. */
  dueSoonDays: number;
  /** smtp://user:pass@host:port — mail digests are sent only when set. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Minutes between runs of the reminder job inside the server (0 = off). */
  reminderEveryMinutes: number;
  /** Target status: points below the expected value still "Đúng lộ trình", and before "Chậm". */
  targetThresholds: { onTrack: number; atRisk: number };
}

function nonNegative(raw: string | undefined, fallback: number): number {
  const n = Number(raw?.replace(",", "."));
  return raw !== undefined && raw !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** LOTRINH_TRUST_PROXY: "1"/"true" trusts any proxy hop, else a comma list of addresses or CIDRs. */
function trustProxyOf(raw: string | undefined): boolean | string[] {
  const v = raw?.trim() ?? "";
  if (v === "" || v === "0" || v === "false") return false;
  if (v === "1" || v === "true") return true;
  return v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
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
    trustProxy: trustProxyOf(env.LOTRINH_TRUST_PROXY),
    dueSoonDays: Number(env.LOTRINH_DUE_SOON_DAYS ?? 7) || 7,
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM ?? "Lộ Trình <lotrinh@localhost>",
    reminderEveryMinutes: Number(env.LOTRINH_REMIND_EVERY_MINUTES ?? 60),
    targetThresholds: {
      onTrack: nonNegative(env.LOTRINH_TARGET_ON_TRACK_GAP, DEFAULT_THRESHOLDS.onTrack),
      atRisk: nonNegative(env.LOTRINH_TARGET_AT_RISK_GAP, DEFAULT_THRESHOLDS.atRisk),
    },
  };
}
