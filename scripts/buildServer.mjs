// Builds the server and the CLI into JavaScript once (esbuild), so `lotrinh` starts without compiling
// TypeScript at run time. dist/server sits at the same depth as src/server, so the paths the code
// derives from import.meta.url (dist/web, demo/plans) resolve the same from source and from the build.
// Usage: node scripts/buildServer.mjs [--if-stale]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "dist/server");
const stamp = path.join(outDir, "main.js");

/** Newest modification time under src/ (server code only: the web app is built by Vite). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "web") continue;
      newest = Math.max(newest, newestSource(full));
    } else if (!entry.name.includes(".test.")) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

export function serverBuildIsStale() {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return (
    newestSource(path.join(root, "src")) > built ||
    fs.statSync(path.join(root, "package.json")).mtimeMs > built
  );
}

export async function buildServer() {
  const esbuild = await import("esbuild");
  // build into a private folder, then swap it in, so a concurrent start never runs a half-written build
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: "src/cli/main.ts", ...workerEntries() },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
    chunkNames: "chunks/[name]-[hash]",
  });
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const old = `${outDir}.old-${process.pid}`;
  try {
    if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
    fs.renameSync(tmp, outDir);
  } catch {
    // another process swapped in its build at the same moment: the same sources, so keep that one
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.rmSync(old, { recursive: true, force: true });
}

/** Worker-thread entry points (files named *.worker.ts or *Worker.ts) are built beside main.js under their own name. */
function workerEntries() {
  const entries = {};
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "web") walk(full);
      else if (/(\.worker|Worker)\.ts$/.test(entry.name) && !entry.name.includes(".test."))
        entries[entry.name.replace(/\.ts$/, "")] = path.relative(root, full);
    }
  };
  walk(path.join(root, "src"));
  return entries;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const onlyIfStale = process.argv.includes("--if-stale");
  if (!onlyIfStale || serverBuildIsStale()) {
    const t0 = performance.now();
    await buildServer();
    console.log(`server built in ${Math.round(performance.now() - t0)} ms → dist/server`);
  }
}
