/**
 * Where the project's own files are (the built web app, the demo plans), found from this module's place
 * whether it runs from src/ through tsx or from a bundle in dist/server (whose chunks sit deeper).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && fs.readFileSync(pkg, "utf8").includes('"name": "lotrinh"')) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error("Không tìm thấy thư mục gốc của Lộ Trình (package.json).");
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();
export const WEB_DIST = path.join(PROJECT_ROOT, "dist/web");
export const DEMO_PLANS = path.join(PROJECT_ROOT, "demo/plans");
