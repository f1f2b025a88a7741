/**
 * The real server for `npm run bench:load`: `lotrinh start --demo` on a free loopback port with its own
 * temp data directory, on PGlite (databaseUrl "") or PostgreSQL. Reads the demo accounts it prints once,
 * and tells its resident memory and whether the process is still alive.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export interface Server {
  base: string;
  /** The server's own output (its log lines: the cause of any 500), kept after the run. */
  logFile: string;
  accounts: Map<string, string>;
  rss(): number;
  /** CPU seconds the server process has used (user + system), from /proc. */
  cpuSeconds(): number;
  alive(): boolean;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "..");

export async function startServer(databaseUrl: string): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-bench-load-"));
  const port = 4000 + Math.floor(Math.random() * 900);
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "bin/lotrinh.js"), "start", "--demo"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        LOTRINH_DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        DATABASE_URL: databaseUrl,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const logFile = path.join(os.tmpdir(), `lotrinh-bench-load-${port}.log`);
  const log = fs.createWriteStream(logFile);
  child.stdout?.pipe(log);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const accounts = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start within 5 minutes")), 300_000);
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      for (const m of buffer.matchAll(/(demo\.[a-z.]+)\s+(\S+)/g))
        accounts.set(m[1] as string, m[2] as string);
      if (/đang chạy tại/.test(buffer) && accounts.size >= 4 && /demo\.lanhdao\s+\S+/.test(buffer)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped (${code})`));
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    logFile,
    accounts,
    rss: () => {
      try {
        const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
        return Number(kb ?? 0) * 1024;
      } catch {
        return 0;
      }
    },
    cpuSeconds: () => processCpuSeconds(child.pid),
    alive: () => !exited,
    stop: async () => {
      if (!exited) {
        child.kill("SIGTERM");
        await new Promise<void>((r) => {
          const t = setTimeout(() => {
            child.kill("SIGKILL");
            r();
          }, 10_000);
          child.once("exit", () => {
            clearTimeout(t);
            r();
          });
        });
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** user + system CPU seconds of a process (0 when it is gone), from /proc/PID/stat. */
export function processCpuSeconds(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return 0;
  }
}

/** A throw-away PostgreSQL cluster (scripts/throwaway-postgres.sh) that can be stopped for a while and started again. */
export function throwawayPostgres(downSeconds: number): {
  url: string;
  stop(): void;
  restart(): Promise<void>;
} {
  const out = execFileSync("bash", ["scripts/throwaway-postgres.sh"], { encoding: "utf8" });
  const url = /DATABASE_URL_TEST=(\S+)/.exec(out)?.[1] as string;
  const dir = /LOTRINH_PG_DIR=(\S+)/.exec(out)?.[1] as string;
  const pgBin = execFileSync("bash", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1"], {
    encoding: "utf8",
  }).trim();
  const port = new URL(url).port;
  // asynchronous, so the load generator keeps running while pg_ctl waits
  const asPg = (cmd: string) =>
    promisify(execFile)(
      process.getuid?.() === 0 ? "su" : "sh",
      process.getuid?.() === 0 ? ["postgres", "-s", "/bin/sh", "-c", cmd] : ["-c", cmd],
    );
  return {
    url,
    stop: () => execFileSync("bash", ["scripts/throwaway-postgres.sh", "stop", dir]),
    restart: async () => {
      await asPg(`'${pgBin}/pg_ctl' -D '${dir}/data' -m fast -w stop`);
      await new Promise((r) => setTimeout(r, downSeconds * 1000));
      await asPg(
        `'${pgBin}/pg_ctl' -D '${dir}/data' -l '${dir}/log' -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off" -w start`,
      );
    },
  };
}
