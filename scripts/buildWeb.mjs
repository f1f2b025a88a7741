// Builds the web app with Vite; with --if-stale only when a source is newer than dist/web/index.html,
// so `npm start` does not rebuild an unchanged app.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const built = path.join(root, "dist/web/index.html");

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return t;
}

function stale() {
  if (!fs.existsSync(built)) return true;
  const at = fs.statSync(built).mtimeMs;
  const inputs = [
    newest(path.join(root, "src")),
    ...["vite.config.ts", "package.json"].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
  ];
  return inputs.some((t) => t > at);
}

if (!process.argv.includes("--if-stale") || stale()) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  precompress(path.join(root, "dist/web"));
}

/** Brotli and gzip copies of every text asset, served as they are by @fastify/static (preCompressed). */
function precompress(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) precompress(full);
    else if (/\.(js|css|html|svg|json|webmanifest|txt)$/.test(entry.name)) {
      const data = fs.readFileSync(full);
      if (data.length < 1024) continue;
      fs.writeFileSync(
        `${full}.br`,
        zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      fs.writeFileSync(`${full}.gz`, zlib.gzipSync(data, { level: 9 }));
    }
  }
}
