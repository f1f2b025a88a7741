import path from "node:path";

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
  };
}
