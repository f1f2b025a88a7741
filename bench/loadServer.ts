/**
 * The real server for `npm run bench:load`: `lotrinh start --demo` on a free loopback port with its own
 * temp data directory, on PGlite (databaseUrl "") or PostgreSQL. Reads the demo accounts it prints once,
 * and tells its resident memory and whether the process is still alive.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
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

/**
 * On the embedded database the server's first start on an empty directory is slow: PGlite creates its
 * cluster (initdb in WebAssembly, single-threaded), then every migration, the map, the catalog, the
 * four demo plans and the sample figures are written. That took 40 s on a quiet machine and over 5
 * minutes on a busy one, so the bench prepares that directory once (one `start --demo`, stopped
 * cleanly), keeps it under the system's temp directory keyed by the sources that write it, and each
 * run starts on a copy: opening an existing cluster takes seconds and the loaders find their data. The
 * copy is only a starting point — `start --demo` still migrates and loads whatever is missing.
 */
export async function startServer(databaseUrl: string): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-bench-load-"));
  if (!databaseUrl) fs.cpSync(await preparedDemoDir(), dataDir, { recursive: true });
  return launch(databaseUrl, dataDir);
}

/** Everything that decides what a fresh `start --demo` writes into the embedded database. */
const DEMO_SOURCES = [
  "src/db/migrations",
  "src/db/seed",
  "demo/plans",
  "src/usecases/loadDemoPlans.ts",
  "src/usecases/loadSampleFigures.ts",
  "src/usecases/loadSampleSchools.ts",
  "src/usecases/loadAdministrativeMap.ts",
  "src/usecases/loadIndicatorCatalog.ts",
  "src/usecases/loadBodySuccessors.ts",
  "node_modules/@electric-sql/pglite/package.json",
];

function demoSourcesKey(): string {
  const hash = createHash("sha256");
  const add = (p: string) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) for (const f of fs.readdirSync(full).sort()) add(path.join(p, f));
    else hash.update(p).update(fs.readFileSync(full));
  };
  for (const p of DEMO_SOURCES) add(p);
  return hash.digest("hex").slice(0, 16);
}

async function preparedDemoDir(): Promise<string> {
  const cache = path.join(os.tmpdir(), "lotrinh-bench-load-cache");
  const ready = path.join(cache, demoSourcesKey());
  if (fs.existsSync(path.join(ready, ".prepared"))) return ready;
  fs.mkdirSync(cache, { recursive: true });
  // other versions (other checkouts bench their own sources at the same time) are kept for a day
  for (const other of fs.readdirSync(cache)) {
    const mark = path.join(cache, other, ".prepared");
    if (fs.existsSync(mark) && Date.now() - fs.statSync(mark).mtimeMs > 86_400_000)
      fs.rmSync(path.join(cache, other), { recursive: true, force: true });
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-bench-load-prepare-"));
  console.log("PGlite: preparing the demo data directory once (kept for the next runs)...");
  const started = performance.now();
  const server = await launch("", work, true);
  await server.stop();
  fs.writeFileSync(path.join(work, ".prepared"), new Date().toISOString());
  try {
    fs.renameSync(work, ready);
  } catch {
    // another bench prepared the same version meanwhile: use that one
    fs.rmSync(work, { recursive: true, force: true });
    if (!fs.existsSync(path.join(ready, ".prepared"))) throw new Error(`could not keep ${ready}`);
  }
  console.log(
    `PGlite: demo data directory prepared in ${Math.round((performance.now() - started) / 1000)} s`,
  );
  return ready;
}

/** Fails only when the server says nothing for this long (a busy machine is slow, a stuck start is silent). */
const SILENCE_MS = 300_000;

async function launch(databaseUrl: string, dataDir: string, keepDir = false): Promise<Server> {
  const port = 4000 + Math.floor(Math.random() * 900);
  const child: ChildProcess = spawn(
    process.execPath,
    [...profileArgs(), path.join(root, "bin/lotrinh.js"), "start", "--demo"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        LOTRINH_DATA_DIR: dataDir,
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
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
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    let timer = setTimeout(
      () => reject(new Error("the server printed nothing for 5 minutes while starting")),
      SILENCE_MS,
    );
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      clearTimeout(timer);
      timer = setTimeout(
        () => reject(new Error("the server printed nothing for 5 minutes while starting")),
        SILENCE_MS,
      );
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
  console.log(
    `  server started in ${num1((performance.now() - t0) / 1000)} s (${databaseUrl ? "PostgreSQL" : "PGlite"})`,
  );
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
      if (!keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const num1 = (n: number) => n.toFixed(1);

/** BENCH_CPU_PROF=DIR: the server writes a V8 CPU profile there when it stops (bench/cpuProfileTop.ts reads it). */
function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
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
  cpuSeconds(): number;
  /** The directory of the cluster's Unix socket (DATABASE_URL …?host=DIR). */
  socketDir: string;
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
    cpuSeconds: () => clusterCpuSeconds(path.join(dir, "data")),
    socketDir: dir,
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

/**
 * CPU seconds of a PostgreSQL cluster: the postmaster (with its children that have ended) and every
 * live backend, from /proc — the database's share of each answer on this same machine.
 */
export function clusterCpuSeconds(dataDir: string): number {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const fieldsOf = (p: number | string) => {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    };
    const own = fieldsOf(pid);
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const p of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(p)) continue;
      try {
        const f = fieldsOf(p);
        if (Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
      } catch {
        // a backend that ended meanwhile is in the postmaster's children's time
      }
    }
    return ticks / 100;
  } catch {
    return 0;
  }
}
